package org.renda.calendar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How long one kind of case may take, as an organisation (or the national default, {@code orgId} 0)
 * sets it.
 *
 * @param code the kind of case, owned by the module that uses it (SUGGESTION, REHANDLE, ...)
 * @param reminderDaysBefore working days before the due date to remind the handler; 0 for no reminder
 */
public record DeadlineRule(long orgId, String code, int amount, DeadlineUnit unit, int reminderDaysBefore,
        int version) {

    public boolean national() {
        return orgId == WorkingCalendar.NATIONAL;
    }

    /** The due date of a case started on {@code start}, on the given calendar. */
    public LocalDate dueDate(WorkingDays days, LocalDate start) {
        return unit.add(days, start, amount);
    }

    /** The reminder day for a due date, or null when there is none or it would not fall after the start. */
    public @Nullable LocalDate reminderDate(WorkingDays days, LocalDate start, LocalDate due) {
        if (reminderDaysBefore == 0) {
            return null;
        }
        LocalDate remind = days.plusWorkingDays(due, -reminderDaysBefore);
        return remind.isAfter(start) ? remind : null;
    }
}
