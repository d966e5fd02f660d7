package org.renda.casework;

import static org.renda.casework.CaseAction.ASSIGN;
import static org.renda.casework.CaseAction.CLOSE;
import static org.renda.casework.CaseAction.MERGE;
import static org.renda.casework.CaseAction.RATE;
import static org.renda.casework.CaseAction.REPLY;
import static org.renda.casework.CaseAction.RETURN;
import static org.renda.casework.CaseAction.SIGN;
import static org.renda.casework.CaseAction.TRIAGE;
import static org.renda.casework.CaseAction.WITHDRAW;
import static org.renda.casework.CaseEnums.Party.STAFF;
import static org.renda.casework.CaseEnums.Party.SUBMITTER;
import static org.renda.casework.CaseEnums.Party.UNIT;
import static org.renda.casework.CaseState.ASSIGNED;
import static org.renda.casework.CaseState.CLOSED;
import static org.renda.casework.CaseState.IN_PROGRESS;
import static org.renda.casework.CaseState.MERGED;
import static org.renda.casework.CaseState.RECEIVED;
import static org.renda.casework.CaseState.REHANDLING;
import static org.renda.casework.CaseState.REPLIED;
import static org.renda.casework.CaseState.RETURNED;
import static org.renda.casework.CaseState.TRIAGED;
import static org.renda.casework.CaseState.WITHDRAWN;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseEnums.Party;

/**
 * The lifecycle of a case as a table: from which states an action may be taken, by whom, where it
 * leads, and which deadline it starts. {@link CaseDesk} interprets it; nothing else decides transitions.
 */
public final class CaseFlow {

    /** The deadline an arrival starts, by the rule code of the deadline table. */
    public enum Clock {
        /** The reply deadline for the case's kind: 3 months for a deputy's suggestion (6 when complex). */
        REPLY,
        /** Re-handling after an unsatisfied rating: 1 month. */
        REHANDLE,
        /** No deadline runs. */
        NONE
    }

    /** One row of the table. {@code to} null means "decided by the input" (a rating). */
    public record Transition(Set<CaseState> from, CaseAction action, Set<Party> by, @Nullable CaseState to,
            Clock clock) {}

    static final Set<CaseState> OPEN = EnumSet.of(RECEIVED, TRIAGED, ASSIGNED, IN_PROGRESS, RETURNED, REPLIED,
            REHANDLING);

    static final List<Transition> TABLE = List.of(
            new Transition(EnumSet.of(RECEIVED), TRIAGE, EnumSet.of(STAFF), TRIAGED, Clock.NONE),
            new Transition(EnumSet.of(RECEIVED, TRIAGED, RETURNED), ASSIGN, EnumSet.of(STAFF), ASSIGNED, Clock.REPLY),
            new Transition(EnumSet.of(ASSIGNED), SIGN, EnumSet.of(UNIT), IN_PROGRESS, Clock.NONE),
            new Transition(EnumSet.of(ASSIGNED), RETURN, EnumSet.of(UNIT), RETURNED, Clock.NONE),
            new Transition(EnumSet.of(IN_PROGRESS, REHANDLING), REPLY, EnumSet.of(UNIT), REPLIED, Clock.NONE),
            new Transition(EnumSet.of(REPLIED), RATE, EnumSet.of(SUBMITTER, STAFF), null, Clock.NONE),
            new Transition(EnumSet.of(REPLIED), CLOSE, EnumSet.of(STAFF), CLOSED, Clock.NONE),
            new Transition(EnumSet.of(RECEIVED, TRIAGED, RETURNED), MERGE, EnumSet.of(STAFF), MERGED, Clock.NONE),
            new Transition(OPEN, WITHDRAW, EnumSet.of(STAFF, SUBMITTER), WITHDRAWN, Clock.NONE));

    private CaseFlow() {}

    public static Optional<Transition> find(CaseState from, CaseAction action) {
        return TABLE.stream().filter(t -> t.action() == action && t.from().contains(from)).findFirst();
    }

    /** The actions a party may take on a case in this state (for showing only real buttons). */
    public static Set<CaseAction> available(CaseState state, Party party) {
        Set<CaseAction> out = EnumSet.noneOf(CaseAction.class);
        TABLE.stream().filter(t -> t.from().contains(state) && t.by().contains(party)).forEach(t -> out.add(t.action()));
        return out;
    }

    /**
     * Where a rating leads: satisfied (or basically) closes the case; unsatisfied sends it back to the
     * unit once for re-handling, and closes it when it was re-handled already.
     */
    static CaseState afterRating(CaseEnums.Rating rating, boolean rehandledBefore) {
        return rating.satisfied() || rehandledBefore ? CLOSED : REHANDLING;
    }
}
