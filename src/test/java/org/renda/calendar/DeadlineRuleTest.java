package org.renda.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each unit of a deadline rule counted on the real 2026 calendar, with its reminder day. */
class DeadlineRuleTest {

    private static final WorkingDays CHINA;

    static {
        Map<LocalDate, DayKind> days = new HashMap<>(HolidayFiles.bundled("/calendar/CN-2025.csv"));
        days.putAll(HolidayFiles.bundled("/calendar/CN-2026.csv"));
        CHINA = WorkingDays.of(days);
    }

    private static DeadlineRule rule(int amount, DeadlineUnit unit, int reminder) {
        return new DeadlineRule(0, "X", amount, unit, reminder, 0);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void threeMonthsFromAssignmentOnTheLastDayOfJulyAreDueTheMondayAfter() {
        DeadlineRule suggestion = rule(3, DeadlineUnit.MONTHS, 10);
        assertThat(suggestion.dueDate(CHINA, d("2026-07-31"))).isEqualTo(d("2026-11-02"));
        // ten working days before Monday 2 November: back to Monday 19 October
        assertThat(suggestion.reminderDate(CHINA, d("2026-07-31"), d("2026-11-02"))).isEqualTo(d("2026-10-19"));
    }

    @Test
    void sevenWorkingDaysToReturnAWrongAssignmentMadeBeforeTheNationalDay() {
        DeadlineRule wrong = rule(7, DeadlineUnit.WORKING_DAYS, 2);
        assertThat(wrong.dueDate(CHINA, d("2025-09-26"))).isEqualTo(d("2025-10-13"));
        // two working days before Monday 13 October 2025: Friday 10th, Saturday 11th was a make-up day
        assertThat(wrong.reminderDate(CHINA, d("2025-09-26"), d("2025-10-13"))).isEqualTo(d("2025-10-10"));
    }

    @Test
    void calendarDaysEndingInAHolidayEndOnTheFirstWorkingDayAfterIt() {
        assertThat(rule(10, DeadlineUnit.DAYS, 0).dueDate(CHINA, d("2026-09-25"))).isEqualTo(d("2026-10-08"));
        assertThat(rule(10, DeadlineUnit.DAYS, 0).dueDate(CHINA, d("2026-03-02"))).isEqualTo(d("2026-03-12"));
    }

    @Test
    void noReminderWhenNoneIsSetOrItWouldNotFallAfterTheStart() {
        assertThat(rule(3, DeadlineUnit.MONTHS, 0).reminderDate(CHINA, d("2026-03-02"), d("2026-06-02"))).isNull();
        assertThat(rule(2, DeadlineUnit.WORKING_DAYS, 5).reminderDate(CHINA, d("2026-03-02"), d("2026-03-04"))).isNull();
    }
}
