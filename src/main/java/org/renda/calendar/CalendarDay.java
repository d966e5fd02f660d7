package org.renda.calendar;

import java.time.LocalDate;

/**
 * A day that differs from the Monday-to-Friday rule.
 *
 * @param orgId {@link WorkingCalendar#NATIONAL} for the national calendar, else the organisation whose
 *     subtree the day applies to
 */
public record CalendarDay(long id, long orgId, LocalDate date, DayKind kind, String name) {

    public boolean national() {
        return orgId == WorkingCalendar.NATIONAL;
    }
}
