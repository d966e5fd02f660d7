package org.renda.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Outcome;
import org.renda.casework.CaseEnums.Rating;
import org.renda.casework.CaseEnums.Source;
import org.renda.shared.Masking;

/** The read models of the casework module. */
public final class CaseViews {
    private CaseViews() {}

    /** A row of a case list: no submitter's phone. */
    public record CaseSummary(long id, long orgId, String receiptCode, Source source, Kind kind, String category,
            String title, CaseState state, @Nullable LocalDate dueOn, boolean keySupervised, Instant createdAt,
            @Nullable String leadUnit) {

        public boolean overdue(LocalDate today) {
            return state.awaitingUnit() && dueOn != null && dueOn.isBefore(today);
        }
    }

    public record Assignment(long id, long unitOrgId, String unitName, boolean lead, Instant assignedAt,
            @Nullable Instant signedAt, @Nullable Instant endedAt, @Nullable String endReason) {

        public boolean active() {
            return endedAt == null;
        }
    }

    public record Step(long id, Instant at, String actor, CaseAction action, @Nullable CaseState from, CaseState to,
            @Nullable String note, boolean publicNote) {

        /** A rating step keeps its rating first in its note ("SATISFIED" or "SATISFIED：words"): that rating. */
        public @Nullable Rating rating() {
            if (action != CaseAction.RATE || note == null) {
                return null;
            }
            String code = note.contains("：") ? note.substring(0, note.indexOf('：')) : note;
            for (Rating r : Rating.values()) {
                if (r.name().equals(code)) {
                    return r;
                }
            }
            return null;
        }

        /** Same as {@link #shownNote()}. */
        public @Nullable String remark() {
            return shownNote();
        }

        /** The note as a person reads it: a rating step's words after its rating code, never the code. */
        public @Nullable String shownNote() {
            if (rating() == null) {
                return note;
            }
            int colon = note.indexOf('：');
            return colon < 0 || colon == note.length() - 1 ? null : note.substring(colon + 1);
        }
    }

    /** A file of the case: the submission's photos ({@code eventId} null), or the documents of a step (a reply). */
    public record Attachment(long id, String fileName, String contentType, int sizeBytes, @Nullable Long eventId) {
        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    /** A case in full, for staff, its units and its deputies. */
    public record CaseView(long id, long orgId, String orgName, String receiptCode, Source source, Kind kind,
            String category, String title, String content, @Nullable String location, @Nullable String submitterName,
            @Nullable String submitterPhone, boolean anonymous, @Nullable Long sponsorDeputyId, boolean complex,
            CaseState state, @Nullable LocalDate dueOn, @Nullable String keySupervisor, @Nullable Rating rating,
            @Nullable Outcome outcome, @Nullable Long mergedIntoId, Instant createdAt, @Nullable Instant closedAt,
            int version, List<Assignment> assignments, List<Step> timeline, List<Attachment> attachments) {

        public String maskedPhone() {
            return Masking.phone(submitterPhone);
        }

        public boolean overdue(LocalDate today) {
            return state.awaitingUnit() && dueOn != null && dueOn.isBefore(today);
        }

        /** The files sent with one step of the timeline (a reply's documents). */
        public List<Attachment> attachmentsOf(long stepId) {
            return attachments.stream().filter(a -> a.eventId() != null && a.eventId() == stepId).toList();
        }
    }

    /** What anyone holding the receipt code sees: status and the public steps, never personal data. */
    public record PublicTrack(String receiptCode, String orgName, String category, String title, CaseState state,
            @Nullable LocalDate dueOn, @Nullable Rating rating, Instant createdAt, List<PublicStep> steps) {}

    public record PublicStep(Instant at, CaseAction action, CaseState state, @Nullable String note) {}

    /** The figures the seeds quote: collected, closed, closure rate, overdue, satisfaction. */
    public record Figures(String label, long collected, long closed, long overdue, long rated, long satisfied) {

        public double closureRate() {
            return collected == 0 ? 0 : (double) closed / collected;
        }

        public double satisfactionRate() {
            return rated == 0 ? 0 : (double) satisfied / rated;
        }
    }

    /** The units of one kind a case may be assigned to (a group of the assignment picker). */
    public record UnitGroup(org.renda.org.OrgType type, List<org.renda.org.OrgView> units) {}
}
