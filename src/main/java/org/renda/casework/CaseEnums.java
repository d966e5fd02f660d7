package org.renda.casework;

/** The small vocabularies of a case. */
public final class CaseEnums {
    private CaseEnums() {}

    /** Where a case came from. */
    public enum Source {
        PUBLIC_FORM, DEPUTY, RECEPTION, VISIT, HOTLINE, STAFF,
        /** A motion or suggestion a deputy raised at a congress session (meeting module). */
        SESSION;

        public String messageKey() {
            return "case.source." + name();
        }
    }

    /** A deputy's suggestion falls under the Deputies Law's deadlines; the public's opinion under Renda's. */
    public enum Kind {
        OPINION, SUGGESTION, CRITICISM;

        public String messageKey() {
            return "case.kind." + name();
        }
    }

    /** The submitter's (or deputy's) satisfaction with the reply, apart from the outcome. */
    public enum Rating {
        SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

        public String messageKey() {
            return "case.rating." + name();
        }

        public boolean satisfied() {
            return this != UNSATISFIED;
        }
    }

    /** What the reply achieved (the A/B/C classes of 办理结果): solved, planned, or explained. */
    public enum Outcome {
        SOLVED, PLANNED, EXPLAINED;

        public String messageKey() {
            return "case.outcome." + name();
        }
    }

    /** Who may take an action. */
    public enum Party {
        STAFF, UNIT, SUBMITTER
    }
}
