package org.renda.calendar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A computed deadline: the case kind, its start, the due date, the day to remind (null for none), and
 * the rule that produced it (whose {@code orgId} says where the rule was set).
 */
public record Deadline(String code, LocalDate start, LocalDate due, @Nullable LocalDate remindOn, DeadlineRule rule) {

    /** Overdue on {@code today}: the due date has passed. */
    public boolean overdueOn(LocalDate today) {
        return today.isAfter(due);
    }
}
