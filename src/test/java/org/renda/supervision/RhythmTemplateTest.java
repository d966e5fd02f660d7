package org.renda.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.renda.supervision.SupervisionEnums.ActivityKind;

/** The five-ones template placed on a working calendar: counts, days, holidays, and the order of a year. */
class RhythmTemplateTest {

    /** Weekends off; the National Day week (1–7 October) off; Saturday 11 October a make-up working day. */
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2),
            LocalDate.of(2025, 10, 3), LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 8));
    private static final Predicate<LocalDate> WORKING = d -> d.equals(LocalDate.of(2025, 10, 11))
            || d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !HOLIDAYS.contains(d);

    @Test
    void aYearOfFiveOnesIsTwelveBriefingsFourInspectionsTwoReportsAndOneReview() {
        List<RhythmTemplate.Planned> year = RhythmTemplate.FIVE_ONES.plan(2025, WORKING);
        Map<ActivityKind, Long> byKind = year.stream()
                .collect(Collectors.groupingBy(RhythmTemplate.Planned::kind, Collectors.counting()));
        assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of(ActivityKind.BRIEFING, 12L,
                ActivityKind.INSPECTION, 4L, ActivityKind.WORK_REPORT, 2L, ActivityKind.YEAR_END_REVIEW, 1L));
        assertThat(year).extracting(RhythmTemplate.Planned::slot).doesNotHaveDuplicates();
    }

    @Test
    void everyPlannedDateIsAWorkingDayOfItsMonthNeverAHolidayOrAWeekend() {
        for (RhythmTemplate.Planned p : RhythmTemplate.FIVE_ONES.plan(2025, WORKING)) {
            assertThat(WORKING.test(p.on())).as(p.slot() + " on " + p.on()).isTrue();
            assertThat(p.on().getMonthValue()).isEqualTo(Integer.parseInt(p.slot().substring(p.slot().length() - 2)));
        }
    }

    @Test
    void theBriefingFallsOnTheFirstWorkingDayOnOrAfterTheFifth() {
        List<RhythmTemplate.Planned> year = RhythmTemplate.FIVE_ONES.plan(2025, WORKING);
        // 5 October 2025 is a Sunday inside the National Day week: the next working day is Thursday the 9th
        assertThat(on(year, "BRIEFING-10")).isEqualTo(LocalDate.of(2025, 10, 9));
        // 5 January 2025 is a Sunday: Monday the 6th
        assertThat(on(year, "BRIEFING-01")).isEqualTo(LocalDate.of(2025, 1, 6));
        // 5 March 2025 is a Wednesday: the day itself
        assertThat(on(year, "BRIEFING-03")).isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(on(year, "REVIEW-12")).isEqualTo(LocalDate.of(2025, 12, 25));
        assertThat(year.get(0).slot()).isEqualTo("BRIEFING-01");
        assertThat(year.get(year.size() - 1).slot()).isEqualTo("REVIEW-12");
    }

    @Test
    void aMonthWithNoWorkingDayLeftAfterTheDayFallsBackToTheLastOneBefore() {
        Predicate<LocalDate> endOfYearOff = d -> WORKING.test(d) && !(d.getMonthValue() == 12 && d.getDayOfMonth() >= 24);
        assertThat(RhythmTemplate.placed(YearMonth.of(2025, 12), 25, endOfYearOff)).isEqualTo(LocalDate.of(2025, 12, 23));
    }

    @Test
    void titlesNameTheMonthTheQuarterAndTheHalf() {
        List<RhythmTemplate.Planned> year = RhythmTemplate.FIVE_ONES.plan(2025, WORKING);
        assertThat(title(year, "BRIEFING-07")).isEqualTo("7月项目进展通报");
        assertThat(title(year, "INSPECTION-09")).isEqualTo("第3季度现场督查");
        assertThat(title(year, "REPORT-06")).isEqualTo("上半年听取项目进展报告");
        assertThat(title(year, "REPORT-12")).isEqualTo("下半年听取项目进展报告");
    }

    private static LocalDate on(List<RhythmTemplate.Planned> year, String slot) {
        return year.stream().filter(p -> p.slot().equals(slot)).findFirst().orElseThrow().on();
    }

    private static String title(List<RhythmTemplate.Planned> year, String slot) {
        return year.stream().filter(p -> p.slot().equals(slot)).findFirst().orElseThrow().title();
    }
}
