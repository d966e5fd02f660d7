package org.renda.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic against the real 2025 and 2026 national calendars, as bundled and seeded. */
class WorkingDaysTest {

    private static final WorkingDays CHINA = WorkingDays.of(bundled());

    private static Map<LocalDate, DayKind> bundled() {
        Map<LocalDate, DayKind> days = new HashMap<>(HolidayFiles.bundled("/calendar/CN-2025.csv"));
        days.putAll(HolidayFiles.bundled("/calendar/CN-2026.csv"));
        return days;
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theBundledFilesHoldEveryDayOfTheStateCouncilNotices() {
        Map<LocalDate, DayKind> y2025 = HolidayFiles.bundled("/calendar/CN-2025.csv");
        Map<LocalDate, DayKind> y2026 = HolidayFiles.bundled("/calendar/CN-2026.csv");
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off, make-up days 1/26, 2/8, 4/27, 9/28, 10/11
        assertThat(y2025.values().stream().filter(k -> k == DayKind.HOLIDAY)).hasSize(28);
        assertThat(y2025).containsEntry(d("2025-01-26"), DayKind.WORKDAY).containsEntry(d("2025-02-08"), DayKind.WORKDAY)
                .containsEntry(d("2025-04-27"), DayKind.WORKDAY).containsEntry(d("2025-09-28"), DayKind.WORKDAY)
                .containsEntry(d("2025-10-11"), DayKind.WORKDAY);
        // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 days off, make-up days 1/4, 2/14, 2/28, 5/9, 9/20, 10/10
        assertThat(y2026.values().stream().filter(k -> k == DayKind.HOLIDAY)).hasSize(33);
        assertThat(y2026.entrySet().stream().filter(e -> e.getValue() == DayKind.WORKDAY).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder(d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"),
                        d("2026-09-20"), d("2026-10-10"));
        // every make-up day is a weekend day
        bundled().forEach((date, kind) -> {
            if (kind == DayKind.WORKDAY) {
                assertThat(date.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
        });
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayAndAHolidayWeekdayIsNot() {
        assertThat(CHINA.isWorkingDay(d("2026-02-14"))).isTrue(); // Saturday, 春节 make-up day
        assertThat(CHINA.isWorkingDay(d("2026-02-16"))).isFalse(); // Monday in 春节
        assertThat(CHINA.isWorkingDay(d("2026-02-21"))).isFalse(); // ordinary Saturday inside the holiday
        assertThat(CHINA.isWorkingDay(d("2026-03-07"))).isFalse(); // ordinary Saturday
        assertThat(CHINA.isWorkingDay(d("2026-03-09"))).isTrue(); // ordinary Monday
        assertThat(CHINA.isWorkingDay(d("2025-01-01"))).isFalse(); // 元旦 on a Wednesday
    }

    @Test
    void oneWorkingDayAfterTheFridayBeforeTheSpringFestivalIsTheMakeUpSaturday() {
        assertThat(CHINA.plusWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
    }

    @Test
    void countingAcrossTheSpringFestivalSkipsTheNineDaysOff() {
        assertThat(CHINA.plusWorkingDays(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
        assertThat(CHINA.plusWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        // 2025: off 1/28-2/4, make-up Sunday 1/26 and Saturday 2/8
        assertThat(CHINA.plusWorkingDays(d("2025-01-24"), 1)).isEqualTo(d("2025-01-26"));
        assertThat(CHINA.plusWorkingDays(d("2025-01-27"), 1)).isEqualTo(d("2025-02-05"));
        assertThat(CHINA.plusWorkingDays(d("2025-02-07"), 1)).isEqualTo(d("2025-02-08"));
    }

    @Test
    void sevenWorkingDaysStartingBeforeTheNationalDayHolidaysEndAfterThem() {
        // 2025: 9/28 (Sun, make-up) 9/29 9/30 | off 10/1-10/8 | 10/9 10/10 10/11 (Sat, make-up) 10/13
        assertThat(CHINA.plusWorkingDays(d("2025-09-26"), 7)).isEqualTo(d("2025-10-13"));
        // 2026: off 9/25-27 (中秋) | 9/28 9/29 9/30 | off 10/1-10/7 | 10/8 10/9 10/10 (Sat, make-up) 10/12
        assertThat(CHINA.plusWorkingDays(d("2026-09-24"), 7)).isEqualTo(d("2026-10-12"));
    }

    @Test
    void countingBackwardsIsTheMirrorImage() {
        assertThat(CHINA.plusWorkingDays(d("2026-02-24"), -1)).isEqualTo(d("2026-02-14"));
        assertThat(CHINA.plusWorkingDays(d("2026-10-12"), -7)).isEqualTo(d("2026-09-24"));
        assertThat(CHINA.plusWorkingDays(d("2026-01-05"), -1)).isEqualTo(d("2026-01-04")); // Sunday make-up day
        assertThat(CHINA.plusWorkingDays(d("2026-01-04"), -1)).isEqualTo(d("2025-12-31")); // across the year
        assertThat(CHINA.plusWorkingDays(d("2026-03-04"), 0)).isEqualTo(d("2026-03-04"));
    }

    @Test
    void workingDaysBetweenCountsTheEndButNotTheStart() {
        assertThat(CHINA.workingDaysBetween(d("2026-02-13"), d("2026-02-24"))).isEqualTo(2);
        assertThat(CHINA.workingDaysBetween(d("2026-02-24"), d("2026-02-13"))).isEqualTo(-2);
        assertThat(CHINA.workingDaysBetween(d("2026-02-13"), d("2026-02-13"))).isZero();
        assertThat(CHINA.workingDaysBetween(d("2025-09-26"), d("2025-10-13"))).isEqualTo(7);
        // across the turn of the year: 12/29 12/30 12/31 (2025), 1/4 (Sun, make-up) 1/5 (2026)
        assertThat(CHINA.workingDaysBetween(d("2025-12-26"), d("2026-01-05"))).isEqualTo(5);
    }

    @Test
    void theYearsHaveTheirOfficialCountOfWorkingDays() {
        // 2025: 365 days - 104 weekend days - 18 weekdays off + 5 make-up days
        assertThat(CHINA.workingDaysBetween(d("2024-12-31"), d("2025-12-31"))).isEqualTo(248);
        // 2026: 365 - 104 - 19 + 6
        assertThat(CHINA.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(248);
    }

    @Test
    void workingDaysAreConsistentWithCounting() {
        LocalDate start = d("2025-01-01");
        for (int n = 1; n <= 400; n++) {
            LocalDate end = CHINA.plusWorkingDays(start, n);
            assertThat(CHINA.isWorkingDay(end)).isTrue();
            assertThat(CHINA.workingDaysBetween(start, end)).isEqualTo(n);
        }
    }

    @Test
    void threeMonthsFromTheEndOfJulyFallOnASaturdayAndMoveToTheNextWorkingDay() {
        assertThat(d("2026-10-31").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(CHINA.plusMonths(d("2026-07-31"), 3)).isEqualTo(d("2026-11-02"));
    }

    @Test
    void aDeadlineInMonthsThatFallsInTheNationalDayHolidaysMovesPastThem() {
        assertThat(CHINA.plusMonths(d("2026-07-01"), 3)).isEqualTo(d("2026-10-08"));
        assertThat(CHINA.plusMonths(d("2025-07-03"), 3)).isEqualTo(d("2025-10-09"));
        assertThat(CHINA.plusMonths(d("2026-01-14"), 1)).isEqualTo(d("2026-02-14")); // a make-up Saturday is worked
        assertThat(CHINA.plusMonths(d("2026-03-10"), 1)).isEqualTo(d("2026-04-10")); // an ordinary Friday
    }

    @Test
    void theEndOfALongerMonthBecomesTheEndOfAShorterOne() {
        assertThat(CHINA.plusMonths(d("2026-01-31"), 1)).isEqualTo(d("2026-02-28")); // a make-up Saturday
        assertThat(CHINA.plusMonths(d("2025-01-31"), 1)).isEqualTo(d("2025-02-28")); // a Friday
        assertThat(CHINA.plusMonths(d("2026-03-31"), 2)).isEqualTo(d("2026-06-01")); // Sunday 5/31 moves to Monday
    }

    @Test
    void aYearWithoutListedDaysCountsMondayToFriday() {
        assertThat(CHINA.isWorkingDay(d("2030-01-01"))).isTrue(); // not entered yet
        assertThat(CHINA.plusWorkingDays(d("2030-01-04"), 1)).isEqualTo(d("2030-01-07"));
    }
}
