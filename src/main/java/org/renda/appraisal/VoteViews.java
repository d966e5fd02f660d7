package org.renda.appraisal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.VoteScale.RateRule;

/** What the screens and the API see of a secret vote. No view carries a credential, a voter of a ballot or a time of a ballot. */
public final class VoteViews {

    private VoteViews() {}

    public enum VoteState {
        DRAFT, OPEN, CLOSED;

        public String messageKey() {
            return "vote.state." + name();
        }
    }

    public record VoteSummary(long id, long orgId, @Nullable Long campaignId, String title, VoteScale scale,
            RateRule rule, BigDecimal threshold, VoteState state, String publicCode, boolean published,
            @Nullable Instant openedAt, @Nullable Instant closedAt) {}

    public record LevelView(String code, String label, BigDecimal score, boolean satisfied) {}

    public record SubjectView(long id, String title, @Nullable Long subjectOrgId, @Nullable Long appraisalSubjectId,
            int sortNo) {}

    public record RollEntry(long id, long deputyId, String name, boolean issued) {}

    /**
     * The counts that may be shown while a vote is open, and the chain that must hold:
     * electronic ballots = credentials spent &lt;= credentials printed; spent + paper ballots &lt;= issued &lt;= eligible.
     */
    public record Invariants(int eligible, int issued, int credentials, int spent, int ballots, int paperBallots) {

        public boolean ballotsMatchSpent() {
            return ballots == spent;
        }

        public boolean spentWithinCredentials() {
            return spent <= credentials;
        }

        public boolean castWithinIssued() {
            return spent + paperBallots <= issued;
        }

        public boolean issuedWithinEligible() {
            return issued <= eligible;
        }

        public boolean holds() {
            return ballotsMatchSpent() && spentWithinCredentials() && castWithinIssued() && issuedWithinEligible();
        }
    }

    /** One subject's result: counts by level code (scale order), electronic and paper apart, then combined. */
    public record SubjectResult(long subjectId, String title, Map<String, Integer> electronic,
            Map<String, Integer> paper, Map<String, Integer> combined, int valid, int satisfied, BigDecimal rate,
            int rankNo, boolean below) {}

    /** The results of a closed vote with the seal anyone can check. */
    public record Results(List<SubjectResult> rows, int electronicBallots, int paperBallots, String sha256,
            String signature, String publicKey) {}

    public record VoteDetail(VoteSummary vote, List<LevelView> levels, List<SubjectView> subjects,
            Invariants invariants, @Nullable Results results) {}

    /** The public voting page's view: the subjects and levels only. */
    public record Ballot(String publicCode, String title, VoteState state, List<LevelView> levels,
            List<SubjectView> subjects) {}

    /** A recount of a published export: the recounted rows, whether they equal the announced ones, the signature. */
    public record Verification(long voteId, String title, int ballots, List<SubjectResult> recounted,
            boolean resultsMatch, boolean signatureValid) {}
}
