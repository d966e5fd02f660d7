package org.renda.casework;

/** Where a case stands. Closed, merged and withdrawn cases are finished. */
public enum CaseState {
    RECEIVED,
    TRIAGED,
    ASSIGNED,
    IN_PROGRESS,
    RETURNED,
    REPLIED,
    REHANDLING,
    CLOSED,
    MERGED,
    WITHDRAWN;

    public boolean finished() {
        return this == CLOSED || this == MERGED || this == WITHDRAWN;
    }

    /** States in which a handling unit owes an answer by the due date. */
    public boolean awaitingUnit() {
        return this == ASSIGNED || this == IN_PROGRESS || this == REHANDLING;
    }

    public String messageKey() {
        return "case.state." + name();
    }
}
