package org.renda.appraisal;

import com.fasterxml.jackson.annotation.JsonProperty;
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
     * Every derived figure and check is a named JSON property too ({@code returned}, {@code issuedWithinEligible},
     * ...), named explicitly: left to itself Jackson reads {@code issuedWithinEligible()} as an "is" getter of
     * {@code suedWithinEligible} and skips the others.
     */
    public record Invariants(int eligible, int issued, int credentials, int spent, int ballots, int paperBallots) {

        /** Ballots returned: the electronic ones plus the paper slips the tellers counted (收回票数). */
        @JsonProperty("returned")
        public int returned() {
            return ballots + paperBallots;
        }

        @JsonProperty("ballotsMatchSpent")
        public boolean ballotsMatchSpent() {
            return ballots == spent;
        }

        @JsonProperty("spentWithinCredentials")
        public boolean spentWithinCredentials() {
            return spent <= credentials;
        }

        @JsonProperty("castWithinIssued")
        public boolean castWithinIssued() {
            return spent + paperBallots <= issued;
        }

        @JsonProperty("issuedWithinEligible")
        public boolean issuedWithinEligible() {
            return issued <= eligible;
        }

        @JsonProperty("holds")
        public boolean holds() {
            return ballotsMatchSpent() && spentWithinCredentials() && castWithinIssued() && issuedWithinEligible();
        }
    }

    /**
     * One subject's result: counts by level code (scale order, the abstain choice last when the vote has one),
     * electronic and paper apart, then combined. {@code returned} = {@code valid} + {@code abstained} +
     * {@code invalid}: every ballot returned (electronic and paper) either rated the subject on a level
     * (valid), abstained, or left it blank or spoilt (invalid, paper only). The rate is over {@code valid}.
     */
    public record SubjectResult(long subjectId, String title, Map<String, Integer> electronic,
            Map<String, Integer> paper, Map<String, Integer> combined, int returned, int valid, int abstained,
            int invalid, int satisfied, BigDecimal rate, int rankNo, boolean below) {}

    /** The results of a closed vote with the seal anyone can check. */
    public record Results(List<SubjectResult> rows, int electronicBallots, int paperBallots, String sha256,
            String signature, String publicKey) {}

    public record VoteDetail(VoteSummary vote, List<LevelView> levels, List<SubjectView> subjects,
            Invariants invariants, @Nullable Results results) {

        /** Whether the ballot offers the abstain choice (set when the vote was created). */
        @JsonProperty("offersAbstain")
        public boolean offersAbstain() {
            return levels.stream().anyMatch(l -> VoteScale.ABSTAIN_CODE.equals(l.code()));
        }
    }

    /** The public voting page's view: the subjects and levels only. */
    public record Ballot(String publicCode, String title, VoteState state, List<LevelView> levels,
            List<SubjectView> subjects) {}

    /** A recount of a published export: the recounted rows, whether they equal the announced ones, the signature. */
    public record Verification(long voteId, String title, int ballots, List<SubjectResult> recounted,
            boolean resultsMatch, boolean signatureValid) {}
}
