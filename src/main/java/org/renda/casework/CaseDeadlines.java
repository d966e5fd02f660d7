package org.renda.casework;

import java.time.LocalDate;
import org.renda.calendar.Deadlines;
import org.renda.casework.CaseEnums.Kind;
import org.springframework.stereotype.Component;

/**
 * The due dates a case's clock starts, by the deadline rules of the receiving organisation (calendar
 * module): the Deputies Law's defaults for a deputy's suggestion (3 months of assignment, 6 when broad
 * or hard), 1 month for re-handling, and Renda's default of 15 working days for the public's opinions,
 * all on the working-day calendar with its holidays and make-up working days.
 */
@Component
class CaseDeadlines {

    private final Deadlines deadlines;

    CaseDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    LocalDate due(long orgId, CaseFlow.Clock clock, Kind kind, boolean complex, LocalDate start) {
        return deadlines.dueDate(orgId, code(clock, kind, complex), start);
    }

    static String code(CaseFlow.Clock clock, Kind kind, boolean complex) {
        return switch (clock) {
            case REPLY -> kind == Kind.OPINION ? "PUBLIC_OPINION" : complex ? "SUGGESTION_COMPLEX" : "SUGGESTION";
            case REHANDLE -> "REHANDLE";
            case NONE -> throw new IllegalArgumentException("no clock");
        };
    }
}
