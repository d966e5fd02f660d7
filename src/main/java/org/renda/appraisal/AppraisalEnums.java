package org.renda.appraisal;

/** The kinds an appraisal deals in; each has its label in the bundle under its message key. */
public final class AppraisalEnums {

    private AppraisalEnums() {}

    /** What a campaign appraises. */
    public enum CampaignKind {
        /** 工作评议: the departments and units under review, full coverage. */
        UNITS,
        /** 述职评议: officials' duty reports. */
        DUTY_REPORTS,
        /** 专项工作测评: special work reports and projects. */
        SPECIAL;

        public String messageKey() {
            return "appraisal.kind." + name();
        }
    }

    /** The lines of a unit's public board (公示栏). */
    public enum BoardKind {
        COMMITMENT, KEY_WORK, KEY_PROJECT, LIVELIHOOD, PROPOSAL;

        public String messageKey() {
            return "appraisal.board." + name();
        }
    }

    /** 一听取三核查: the hearing and the three checks. */
    public enum EvidenceKind {
        HEARING, DOCUMENTS, HOTLINE, SITE;

        public String messageKey() {
            return "appraisal.evidence." + name();
        }
    }

    /** 五征求: the five groups whose opinions are solicited. */
    public enum RespondentGroup {
        CADRES, RELATED_UNITS, SERVED, TOWN_LEADERS, DISCIPLINE;

        public String messageKey() {
            return "appraisal.respondent." + name();
        }
    }

    /** A questionnaire answer's four levels (the questionnaire's own, fixed scale). */
    public enum Opinion {
        SATISFIED, FAIRLY, BASIC, UNSATISFIED;

        public String messageKey() {
            return "appraisal.opinion." + name();
        }
    }

    /** A rectification item: raised, reported in writing, accepted. Lagging is OPEN past its due date. */
    public enum RectificationState {
        OPEN, REPORTED, ACCEPTED;

        public String messageKey() {
            return "rectification.state." + name();
        }
    }

    /**
     * Where a rectification item came from: an appraisal campaign's subject, or a supervision subject (监督事项) whose
     * activities found the problem. One ledger holds both.
     */
    public enum RectificationSource {
        APPRAISAL, SUPERVISION;

        public String messageKey() {
            return "rectification.source." + name();
        }
    }
}
