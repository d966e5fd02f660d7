package org.renda.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.renda.casework.CaseEnums.Kind;
import org.springframework.stereotype.Component;

/**
 * The due dates a case's clock starts: the Deputies Law's defaults for a deputy's suggestion (answered
 * within 3 months of assignment, 6 when broad or hard), 1 month for re-handling, and 15 working days
 * for the public's opinions. A date that falls on a weekend moves to the next working day.
 */
@Component
class CaseDeadlines {

    static final int PUBLIC_WORKING_DAYS = 15;

    LocalDate due(CaseFlow.Clock clock, Kind kind, boolean complex, LocalDate start) {
        return switch (clock) {
            case REPLY -> kind == Kind.OPINION ? plusWorkingDays(start, PUBLIC_WORKING_DAYS)
                    : nextWorkingDay(start.plusMonths(complex ? 6 : 3));
            case REHANDLE -> nextWorkingDay(start.plusMonths(1));
            case NONE -> throw new IllegalArgumentException("no clock");
        };
    }

    static LocalDate plusWorkingDays(LocalDate start, int days) {
        LocalDate d = start;
        for (int i = 0; i < days; ) {
            d = d.plusDays(1);
            if (working(d)) {
                i++;
            }
        }
        return d;
    }

    static LocalDate nextWorkingDay(LocalDate d) {
        LocalDate x = d;
        while (!working(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    private static boolean working(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
