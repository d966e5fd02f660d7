package org.renda.supervision;

import org.renda.deputy.DutyType;

/** The closed vocabularies of supervision; each shown by its message key, never by its code. */
public final class SupervisionEnums {

    private SupervisionEnums() {}

    /** What is supervised: a key project (重点项目), a livelihood matter (民生实事) or a special topic (专题). */
    public enum SubjectKind {
        KEY_PROJECT, LIVELIHOOD, SPECIAL_TOPIC;

        public String messageKey() {
            return "supervision.kind." + name();
        }
    }

    /**
     * Where a topic came from (三议一评, seed 001): the government work report, the year's key projects, key
     * motions and suggestions of deputies, or elsewhere (the Party committee's assignment, the public).
     */
    public enum TopicSource {
        WORK_REPORT, KEY_PROJECT, KEY_SUGGESTION, OTHER;

        public String messageKey() {
            return "supervision.source." + name();
        }
    }

    /** The professional deputy groups (专业代表小组, seed 004). */
    public enum Speciality {
        RURAL_REVITALISATION, URBAN_CONSTRUCTION, LIVELIHOOD, INDUSTRY, OTHER;

        public String messageKey() {
            return "supervision.speciality." + name();
        }
    }

    /** The forms of supervision (seed 001, 003, 004), each counted in the deputy's archive as a duty type. */
    public enum ActivityKind {
        BRIEFING(DutyType.GROUP_ACTIVITY),
        INSPECTION(DutyType.INSPECTION),
        RESEARCH(DutyType.INSPECTION),
        WORK_REPORT(DutyType.GROUP_ACTIVITY),
        INQUIRY(DutyType.GROUP_ACTIVITY),
        APPOINTMENT(DutyType.GROUP_ACTIVITY),
        LAW_INSPECTION(DutyType.INSPECTION),
        YEAR_END_REVIEW(DutyType.GROUP_ACTIVITY);

        private final DutyType dutyType;

        ActivityKind(DutyType dutyType) {
            this.dutyType = dutyType;
        }

        public DutyType dutyType() {
            return dutyType;
        }

        public String messageKey() {
            return "supervision.activity.kind." + name();
        }
    }

    public enum ActivityState {
        PLANNED, HELD, CANCELLED;

        public String messageKey() {
            return "supervision.activity.state." + name();
        }
    }
}
