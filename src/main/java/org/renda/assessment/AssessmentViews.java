package org.renda.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.DecisionKind;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentEnums.SchemeStatus;
import org.renda.assessment.AssessmentEnums.SheetStatus;
import org.renda.assessment.engine.PeriodKind;

/** The read models the assessment module hands to screens, the API and other modules. */
public final class AssessmentViews {

    private AssessmentViews() {}

    public record SchemeSummary(long id, long orgId, String orgName, String code, int versionNo, String name,
            SubjectKind subjectKind, int forYear, SchemeStatus status, @Nullable String approvedBy,
            @Nullable Instant approvedAt) {}

    public record Comment(long id, String author, String body, Instant createdAt) {}

    public record PeriodSummary(long id, long orgId, long schemeId, String schemeName, int schemeVersion,
            SubjectKind subjectKind, PeriodKind kind, int forYear, String name, LocalDate startsOn, LocalDate endsOn,
            PeriodStatus status, @Nullable String signedBy, @Nullable LocalDate publishedOn,
            @Nullable LocalDate appealUntil, int version) {}

    public record SubjectView(long id, long ref, long subjectOrgId, String name) {}

    public record GroupView(long id, long periodId, String name, @Nullable Long leaderDeputyId,
            @Nullable String leaderName, List<String> indicators, List<Member> members, List<Long> subjectIds) {}

    public record Member(long userId, String name, boolean leader) {}

    /** A sheet in a list: which group, which subject, how far. */
    public record SheetSummary(long id, long periodId, String periodName, long groupId, String groupName,
            long subjectId, String subjectName, SheetStatus status, boolean onPaper, int filled, int rows,
            @Nullable String submittedBy, @Nullable Instant submittedAt) {}

    /** A sheet to fill: a row per indicator assigned to the group. */
    public record Sheet(SheetSummary summary, long orgId, PeriodStatus periodStatus, List<SheetRow> rows,
            int version) {}

    public record SheetRow(String indicator, String name, String areaName, String sourceName, BigDecimal maxPoints,
            @Nullable BigDecimal reasonBelow, @Nullable String guidance, @Nullable BigDecimal points,
            @Nullable String note) {}

    /** Progress of a period's sheets, per group. */
    public record Progress(long groupId, String groupName, int sheets, int submitted) {}

    public record Rate(long id, long subjectId, String subjectName, String indicator, BigDecimal rate, String note,
            String enteredBy) {}

    public record Bonus(long id, long subjectId, String subjectName, String indicator, BigDecimal points, String title,
            String evidence, String enteredBy) {}

    /** A decision of the presidium; {@code indicators} are the unscored indicators an EXCUSE accepts as zero. */
    public record Decision(long id, long subjectId, String subjectName, DecisionKind kind, @Nullable BigDecimal points,
            @Nullable Integer tiers, List<String> indicators, String reason, @Nullable String evidence, String decidedBy, Instant decidedAt,
            boolean withdrawn) {}

    /**
     * A subject's result with its breakdown.
     *
     * @param areas points per area name, in the scheme's order
     * @param sources points per source name
     * @param indicators each indicator's contribution, by indicator name
     * @param missing the names of the indicators nobody measured (counted 0)
     * @param excused the names of those the presidium accepted as zero
     * @param unscored the codes of the missing indicators not excused: the subject is incomplete while any remain
     */
    public record Result(long id, long periodId, long subjectId, long subjectRef, String subjectName,
            BigDecimal total, BigDecimal base, BigDecimal bonus, BigDecimal adjustment, int rank,
            @Nullable String tierCode, @Nullable String tierName, @Nullable String naturalTierName, boolean vetoed,
            int demoted, Map<String, BigDecimal> areas, Map<String, BigDecimal> sources,
            Map<String, BigDecimal> indicators, List<String> missing, List<String> excused, List<String> unscored) {

        /** Missing indicators nobody excused: no award tier under the scheme's completeness rule. */
        public boolean incomplete() {
            return !unscored.isEmpty();
        }
    }

    /**
     * A subject that cannot take an award tier as things stand: the indicators nobody scored and the presidium
     * has not excused (codes and names), shown before sign-off.
     */
    public record Incomplete(long subjectId, String subjectName, int rank, List<String> codes, List<String> names) {}

    /**
     * A subject's standing while scoring runs (暂定, not signed off): its current total and rank from the sheets
     * submitted so far, and how many of its sheets are in.
     */
    public record Provisional(long subjectId, String subjectName, int rank, BigDecimal total, int sheetsSubmitted,
            int sheetsExpected, int unscored) {}

    public record Appeal(long id, long periodId, long subjectId, String subjectName, String body, String filedBy,
            Instant filedAt, @Nullable String answer, @Nullable String answeredBy, @Nullable Boolean upheld) {}

    /** A deputy whose result is among the weakest: a suggestion for 摘牌 and an interview (约谈), never automatic. */
    public record WeakDeputy(long deputyId, String name, BigDecimal total, int rank, @Nullable String tierName) {}
}
