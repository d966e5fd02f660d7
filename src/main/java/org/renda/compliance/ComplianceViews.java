package org.renda.compliance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.compliance.ComplianceEnums.Rating;
import org.renda.compliance.ComplianceEnums.Status;

/** What the compliance module shows: checklists, assessments, ratings, figures and reports to the Party committee. */
public final class ComplianceViews {

    private ComplianceViews() {}

    /** One version of an organisation's checklist; frozen once a town has assessed against it. */
    public record ChecklistView(long id, long orgId, String orgName, String title, int versionNo,
            @Nullable OffsetDateTime frozenAt, int items) {

        public boolean frozen() {
            return frozenAt != null;
        }
    }

    /** One item of a checklist: its number, chapter (area), text, how it is measured and the evidence it counts. */
    public record ItemView(long id, long checklistId, int itemNo, String chapter, String body, String measure,
            @Nullable String evidenceKind) {}

    /** A town's self-assessment of a year against one checklist version. */
    public record AssessmentView(long id, long orgId, String orgName, int year, long checklistId, Status status,
            @Nullable OffsetDateTime submittedAt, @Nullable String submittedBy, @Nullable OffsetDateTime reviewedAt,
            @Nullable String reviewedBy, @Nullable String reviewComment) {}

    /** The town's rating of one item, with its comment, a link to a record in Renda and the county's note. */
    public record RatingView(long id, long assessmentId, long orgId, long itemId, int itemNo, String chapter,
            String body, String measure, @Nullable String evidenceKind, @Nullable Rating rating,
            @Nullable String remark, @Nullable String recordLink, @Nullable String reviewNote, int files) {}

    /** An uploaded evidence file of a rating. */
    public record FileView(long id, long ratingId, long orgId, String fileName, String contentType, int sizeBytes) {

        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    /** A file's bytes, for download. */
    public record FileData(long id, long orgId, String fileName, String contentType, byte[] data) {}

    /** Evidence counted for an item from records in Renda. */
    public record EvidenceLine(String kind, String label, long count, String href) {}

    /** A rating on the assessment page: the rating, its files and the evidence counted. */
    public record ItemLine(RatingView rating, List<FileView> files, @Nullable EvidenceLine evidence) {}

    /** The assessment page: the assessment, its lines in item order and the counts. */
    public record AssessmentPage(AssessmentView assessment, String checklistTitle, int checklistVersion,
            List<ItemLine> lines, Counts counts) {}

    /** How many items are fully, partly, not implemented and not yet rated. */
    public record Counts(int full, int partial, int none, int unrated) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0);

        public int total() {
            return full + partial + none + unrated;
        }

        Counts plus(Counts o) {
            return new Counts(full + o.full, partial + o.partial, none + o.none, unrated + o.unrated);
        }
    }

    /** An item not fully implemented: what the town says is missing, and what the county noted. */
    public record MissingItem(int itemNo, String chapter, String body, @Nullable Rating rating,
            @Nullable String remark, @Nullable String reviewNote) {}

    /** One town's figures of the year: its assessment (if opened), counts and what is missing. */
    public record TownFigures(long orgId, String orgName, @Nullable Long assessmentId, @Nullable Status status,
            Counts counts, List<MissingItem> missing) {}

    /**
     * The figures of an organisation's subtree and year: every town (or street) within the reach with its counts,
     * and the totals over them. {@code towns} counts the towns in reach, {@code assessed} those with an
     * assessment of the year, {@code accepted} those the county accepted.
     */
    public record Summary(long orgId, String orgName, int year, int towns, int assessed, int submitted, int accepted,
            Counts counts, List<TownFigures> perTown) {}

    /** A report of the town congress to the Party committee (请示报告). */
    public record PartyReportView(long id, long orgId, int year, LocalDate reportedOn, String title,
            @Nullable String outcome, @Nullable String fileName, String createdBy) {

        public boolean hasFile() {
            return fileName != null;
        }
    }

    /** A report's file, for download. */
    public record PartyReportFile(long id, long orgId, String fileName, String contentType, byte[] data) {}
}
