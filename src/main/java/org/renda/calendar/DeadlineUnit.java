package org.renda.calendar;

import java.time.LocalDate;

/** How a deadline's amount is counted from its start. */
public enum DeadlineUnit {
    /** Calendar months; a result on a non-working day moves to the next working day. */
    MONTHS {
        @Override
        LocalDate add(WorkingDays days, LocalDate start, int amount) {
            return days.plusMonths(start, amount);
        }
    },
    /** Working days, not counting the start day. */
    WORKING_DAYS {
        @Override
        LocalDate add(WorkingDays days, LocalDate start, int amount) {
            return days.plusWorkingDays(start, amount);
        }
    },
    /** Calendar days; a result on a non-working day moves to the next working day. */
    DAYS {
        @Override
        LocalDate add(WorkingDays days, LocalDate start, int amount) {
            return days.plusDays(start, amount);
        }
    };

    abstract LocalDate add(WorkingDays days, LocalDate start, int amount);

    public String messageKey() {
        return "deadline.unit." + name();
    }
}
