package org.renda.assessment;

/** The states and kinds of the assessment records. */
public final class AssessmentEnums {

    private AssessmentEnums() {}

    /** DRAFT → COMMENTING (deputies comment) → APPROVED (presidium) → FROZEN (a period runs on it). */
    public enum SchemeStatus {
        DRAFT,
        COMMENTING,
        APPROVED,
        FROZEN;

        public boolean editable() {
            return this == DRAFT || this == COMMENTING;
        }

        public String messageKey() {
            return "assessment.scheme.status." + name();
        }
    }

    /** OPEN (scoring) → CLOSED (results computed) → SIGNED (presidium) → PUBLISHED (appeal window) → FINAL. */
    public enum PeriodStatus {
        OPEN,
        CLOSED,
        SIGNED,
        PUBLISHED,
        FINAL;

        /** Decisions (veto, adjustments) may still be taken: before sign-off, and on appeal after publication. */
        public boolean decidable() {
            return this == OPEN || this == CLOSED || this == PUBLISHED;
        }

        public boolean hasResults() {
            return this != OPEN;
        }

        public String messageKey() {
            return "assessment.period.status." + name();
        }
    }

    public enum SheetStatus {
        DRAFT,
        SUBMITTED;

        public String messageKey() {
            return "assessment.sheet.status." + name();
        }
    }

    /**
     * VETO: 一票否决; POINTS: points added or taken; DEMOTE: the tier moved down; EXCUSE: unscored indicators
     * accepted as zero (not applicable to the subject, or scored zero), which lets an incomplete subject be tiered.
     */
    public enum DecisionKind {
        VETO,
        POINTS,
        DEMOTE,
        EXCUSE;

        public String messageKey() {
            return "assessment.decision.kind." + name();
        }
    }
}
