package org.renda.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.renda.shared.DomainException;
import org.renda.station.RosterPlanner.Candidate;
import org.renda.station.RosterPlanner.PlannedDate;
import org.renda.station.StationEnums.HolidayPolicy;
import org.renda.station.StationEnums.RuleKind;

class RosterPlannerTest {

    /** Weekends off, plus 2026's Qingming (4–6 April) and National Day (1–7 October) holidays. */
    private static final Set<LocalDate> HOLIDAYS = new HashSet<>(List.of(LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
            LocalDate.of(2026, 10, 7)));
    private static final Predicate<LocalDate> WORKING = d -> d.getDayOfWeek().getValue() < 6 && !HOLIDAYS.contains(d);

    private static ReceptionRule monthly(int day, HolidayPolicy policy, String months) {
        return new ReceptionRule(RuleKind.MONTHLY_DAY, day, null, null, months, LocalTime.of(9, 0),
                LocalTime.of(11, 30), "联络站接待室", 3, policy, 7);
    }

    @Test
    void theFifthOfEveryMonthMovesOffHolidaysAndWeekendsToTheNextWorkingDay() {
        List<PlannedDate> dates = RosterPlanner.dates(monthly(5, HolidayPolicy.NEXT_WORKING_DAY,
                ReceptionRule.EVERY_MONTH), 2026, WORKING);
        assertThat(dates).hasSize(12);
        // 5 April 2026 is a Sunday and 6 April is Qingming: the reception moves to Tuesday 7 April.
        assertThat(dates.get(3)).isEqualTo(new PlannedDate(LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 7),
                "station.moved.NEXT_WORKING_DAY"));
        // 5 October is in the National Day holiday: Thursday 8 October.
        assertThat(dates.get(9).heldOn()).isEqualTo(LocalDate.of(2026, 10, 8));
        // 5 January 2026 is a Monday: not moved.
        assertThat(dates.get(0)).isEqualTo(new PlannedDate(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), null));
        assertThat(dates).allMatch(d -> WORKING.test(d.heldOn()));
    }

    @Test
    void aRuleCanKeepSkipOrBringForwardADateThatIsNotAWorkingDay() {
        List<PlannedDate> keep = RosterPlanner.dates(monthly(5, HolidayPolicy.KEEP, ReceptionRule.EVERY_MONTH), 2026,
                WORKING);
        assertThat(keep).extracting(PlannedDate::heldOn).allMatch(d -> d.getDayOfMonth() == 5);
        List<PlannedDate> skip = RosterPlanner.dates(monthly(5, HolidayPolicy.SKIP, ReceptionRule.EVERY_MONTH), 2026,
                WORKING);
        // April (Sunday), July (Sunday), September? (Saturday 5 Sep 2026), October (holiday) and December (Saturday) go.
        assertThat(skip).extracting(PlannedDate::heldOn).allMatch(WORKING::test)
                .noneMatch(d -> d.getMonthValue() == 4 || d.getMonthValue() == 10);
        List<PlannedDate> before = RosterPlanner.dates(monthly(5, HolidayPolicy.PREVIOUS_WORKING_DAY,
                ReceptionRule.EVERY_MONTH), 2026, WORKING);
        assertThat(before.get(3).heldOn()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(before.get(9).heldOn()).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void oddMonthsWeeklyAndLastWeekdayRulesNameTheRightDates() {
        assertThat(RosterPlanner.dates(monthly(5, HolidayPolicy.KEEP, ReceptionRule.ODD_MONTHS), 2026, WORKING))
                .extracting(d -> d.heldOn().getMonthValue()).containsExactly(1, 3, 5, 7, 9, 11);
        ReceptionRule wednesdays = new ReceptionRule(RuleKind.WEEKLY, null, 3, null, ReceptionRule.EVERY_MONTH,
                LocalTime.of(14, 0), LocalTime.of(17, 0), "东湖村联络点", 1, HolidayPolicy.SKIP, 7);
        List<PlannedDate> weekly = RosterPlanner.dates(wednesdays, 2026, WORKING);
        assertThat(weekly).allMatch(d -> d.heldOn().getDayOfWeek() == DayOfWeek.WEDNESDAY);
        assertThat(weekly).hasSize(52 - 1); // 7 October is a holiday
        ReceptionRule lastFriday = new ReceptionRule(RuleKind.MONTHLY_WEEKDAY, null, 5, -1, ReceptionRule.EVERY_MONTH,
                LocalTime.of(9, 0), LocalTime.of(11, 0), "站内", 2, HolidayPolicy.KEEP, 7);
        assertThat(RosterPlanner.dates(lastFriday, 2026, WORKING).get(0).heldOn()).isEqualTo(LocalDate.of(2026, 1, 30));
        assertThat(RosterPlanner.dates(monthly(31, HolidayPolicy.KEEP, ReceptionRule.EVERY_MONTH), 2026, WORKING)
                .get(1).heldOn()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aRuleWithoutItsDayOrWithReversedHoursIsRefused() {
        assertThatThrownBy(() -> new ReceptionRule(RuleKind.WEEKLY, null, null, null, ReceptionRule.EVERY_MONTH,
                LocalTime.of(9, 0), LocalTime.of(11, 0), "站内", 2, HolidayPolicy.KEEP, 7).checked())
                .isInstanceOf(DomainException.class).hasMessageContaining("station.rule.error.weekDay");
        assertThatThrownBy(() -> new ReceptionRule(RuleKind.MONTHLY_DAY, 5, null, null, ReceptionRule.EVERY_MONTH,
                LocalTime.of(11, 0), LocalTime.of(9, 0), "站内", 2, HolidayPolicy.KEEP, 7).checked())
                .hasMessageContaining("station.rule.error.hours");
        assertThatThrownBy(() -> monthly(5, HolidayPolicy.KEEP, "000000000000").checked())
                .hasMessageContaining("station.rule.error.months");
    }

    /** 安澜镇's station: 43 town deputies and 9 county deputies elected there, 3 a day, 12 days. */
    @Test
    void deputiesAreSpreadFairlyEveryDayHasATownDeputyAndNoOneIsTwiceOnADay() {
        List<Candidate> candidates = new ArrayList<>();
        for (long id = 1; id <= 52; id++) {
            candidates.add(new Candidate(id, id <= 43));
        }
        List<LocalDate> dates = RosterPlanner.dates(monthly(5, HolidayPolicy.NEXT_WORKING_DAY,
                ReceptionRule.EVERY_MONTH), 2026, WORKING).stream().map(PlannedDate::heldOn).toList();
        Map<LocalDate, List<Long>> roster = RosterPlanner.assign(dates, candidates, 3, Map.of());
        assertThat(roster).hasSize(12);
        roster.values().forEach(day -> {
            assertThat(day).hasSize(3).doesNotHaveDuplicates();
            assertThat(day).anyMatch(id -> id <= 43);
        });
        Map<Long, Integer> counts = counts(roster, candidates);
        IntSummaryStatistics stats = counts.values().stream().mapToInt(Integer::intValue).summaryStatistics();
        assertThat(stats.getMax() - stats.getMin()).isLessThanOrEqualTo(1);
        assertThat(stats.getSum()).isEqualTo(36);
        // with 52 deputies and 36 places nobody serves twice before everyone has served once
        assertThat(stats.getMax()).isEqualTo(1);
    }

    @Test
    void overSeveralRoundsTurnsAreSpacedAndPriorDaysCount() {
        List<Candidate> six = new ArrayList<>();
        for (long id = 1; id <= 6; id++) {
            six.add(new Candidate(id, true));
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            dates.add(LocalDate.of(2026, 1, 5).plusWeeks(i));
        }
        Map<LocalDate, List<Long>> roster = RosterPlanner.assign(dates, six, 2, Map.of());
        assertThat(counts(roster, six).values()).containsOnly(4);
        // a deputy's consecutive turns are at least two reception days apart (6 deputies, 2 a day)
        List<List<Long>> days = new ArrayList<>(roster.values());
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i)).doesNotContainAnyElementsOf(days.get(i - 1));
        }
        // deputies 1 and 2 already received twice this year: they get the fewest of the rest
        Map<LocalDate, List<Long>> rest = RosterPlanner.assign(dates.subList(0, 5), six, 2, Map.of(1L, 2, 2L, 2));
        Map<Long, Integer> restCounts = counts(rest, six);
        // 10 places: deputies 3 to 6 catch up to two each first, then 1 and 2 share the rest
        assertThat(List.of(restCounts.get(3L), restCounts.get(4L), restCounts.get(5L), restCounts.get(6L)))
                .containsOnly(2);
        assertThat(restCounts.get(1L) + restCounts.get(2L)).isEqualTo(2);
    }

    @Test
    void withFewerDeputiesThanPlacesEveryoneServesAndWithNoneTheDaysStayEmpty() {
        Map<LocalDate, List<Long>> roster = RosterPlanner.assign(List.of(LocalDate.of(2026, 1, 5)),
                List.of(new Candidate(7, false), new Candidate(8, true)), 5, Map.of());
        assertThat(roster.get(LocalDate.of(2026, 1, 5))).containsExactly(8L, 7L);
        assertThat(RosterPlanner.assign(List.of(LocalDate.of(2026, 1, 5)), List.of(), 3, Map.of()).values())
                .containsExactly(List.of());
    }

    private static Map<Long, Integer> counts(Map<LocalDate, List<Long>> roster, List<Candidate> candidates) {
        Map<Long, Integer> counts = new HashMap<>();
        candidates.forEach(c -> counts.put(c.deputyId(), 0));
        roster.values().forEach(day -> day.forEach(id -> counts.merge(id, 1, Integer::sum)));
        return counts;
    }
}
