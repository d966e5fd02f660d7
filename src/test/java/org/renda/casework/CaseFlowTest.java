package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Party;
import org.renda.casework.CaseEnums.Rating;

/** Every row of the flow table, and the deadlines the flow starts. */
class CaseFlowTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
        "RECEIVED,    TRIAGE,   TRIAGED",
        "RECEIVED,    ASSIGN,   ASSIGNED",
        "TRIAGED,     ASSIGN,   ASSIGNED",
        "RETURNED,    ASSIGN,   ASSIGNED",
        "ASSIGNED,    SIGN,     IN_PROGRESS",
        "ASSIGNED,    RETURN,   RETURNED",
        "IN_PROGRESS, REPLY,    REPLIED",
        "REHANDLING,  REPLY,    REPLIED",
        "REPLIED,     CLOSE,    CLOSED",
        "RECEIVED,    MERGE,    MERGED",
        "TRIAGED,     MERGE,    MERGED",
        "RETURNED,    MERGE,    MERGED",
        "RECEIVED,    WITHDRAW, WITHDRAWN",
        "IN_PROGRESS, WITHDRAW, WITHDRAWN",
        "REPLIED,     WITHDRAW, WITHDRAWN",
    })
    void anAllowedStepLeadsWhereTheTableSays(CaseState from, CaseAction action, CaseState to) {
        assertThat(CaseFlow.find(from, action)).get().extracting(CaseFlow.Transition::to).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} cannot {1}")
    @CsvSource({"RECEIVED, REPLY", "ASSIGNED, REPLY", "IN_PROGRESS, ASSIGN", "REPLIED, SIGN", "CLOSED, WITHDRAW",
        "CLOSED, ASSIGN", "MERGED, ASSIGN", "WITHDRAWN, TRIAGE", "IN_PROGRESS, RATE", "ASSIGNED, MERGE"})
    void aStepOutOfTurnIsNotInTheTable(CaseState from, CaseAction action) {
        assertThat(CaseFlow.find(from, action)).isEmpty();
    }

    @Test
    void onlyUnitsSignReturnAndReplyAndOnlyStaffAssign() {
        assertThat(CaseFlow.available(CaseState.ASSIGNED, Party.UNIT)).containsExactlyInAnyOrder(CaseAction.SIGN,
                CaseAction.RETURN);
        assertThat(CaseFlow.available(CaseState.ASSIGNED, Party.STAFF)).containsExactly(CaseAction.WITHDRAW);
        assertThat(CaseFlow.available(CaseState.RECEIVED, Party.UNIT)).isEmpty();
        assertThat(CaseFlow.available(CaseState.REPLIED, Party.SUBMITTER)).contains(CaseAction.RATE);
    }

    @Test
    void anUnsatisfiedRatingSendsTheCaseBackOnceThenCloses() {
        assertThat(CaseFlow.afterRating(Rating.UNSATISFIED, false)).isEqualTo(CaseState.REHANDLING);
        assertThat(CaseFlow.afterRating(Rating.UNSATISFIED, true)).isEqualTo(CaseState.CLOSED);
        assertThat(CaseFlow.afterRating(Rating.BASICALLY_SATISFIED, false)).isEqualTo(CaseState.CLOSED);
        assertThat(CaseFlow.afterRating(Rating.SATISFIED, false)).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void eachClockReadsTheDeadlineRuleOfItsKind() {
        assertThat(CaseDeadlines.code(CaseFlow.Clock.REPLY, Kind.SUGGESTION, false)).isEqualTo("SUGGESTION");
        assertThat(CaseDeadlines.code(CaseFlow.Clock.REPLY, Kind.CRITICISM, true)).isEqualTo("SUGGESTION_COMPLEX");
        assertThat(CaseDeadlines.code(CaseFlow.Clock.REPLY, Kind.OPINION, true)).isEqualTo("PUBLIC_OPINION");
        assertThat(CaseDeadlines.code(CaseFlow.Clock.REHANDLE, Kind.SUGGESTION, false)).isEqualTo("REHANDLE");
    }
}
