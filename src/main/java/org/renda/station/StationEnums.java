package org.renda.station;

import org.renda.deputy.DutyType;

/** The small vocabularies of the station module; each value has a message key {@code station.<enum>.<VALUE>}. */
public final class StationEnums {

    private StationEnums() {}

    /** 中心联络站 / 联络站 / 联络点. */
    public enum Tier {
        CENTRE, STATION, POINT;

        public String messageKey() {
            return "station.tier." + name();
        }
    }

    /** 站长 / 副站长 / 工作人员. */
    public enum StaffRole {
        HEAD, DEPUTY_HEAD, CLERK;

        public String messageKey() {
            return "station.staffRole." + name();
        }
    }

    /** How a reception rule names its dates. */
    public enum RuleKind {
        /** A day of the month, e.g. the 5th. */
        MONTHLY_DAY,
        /** A weekday of a given week of the month, e.g. the first Wednesday. */
        MONTHLY_WEEKDAY,
        /** Every given weekday. */
        WEEKLY;

        public String messageKey() {
            return "station.ruleKind." + name();
        }
    }

    /** What happens to a rule date that is not a working day in the station's calendar. */
    public enum HolidayPolicy {
        /** Hold it anyway (many stations open on weekends on purpose). */
        KEEP,
        /** Move to the next working day. */
        NEXT_WORKING_DAY,
        /** Move to the working day before. */
        PREVIOUS_WORKING_DAY,
        /** Skip the date. */
        SKIP;

        public String messageKey() {
            return "station.holidayPolicy." + name();
        }
    }

    public enum DayState {
        PLANNED, HELD, CANCELLED;

        public String messageKey() {
            return "station.dayState." + name();
        }
    }

    /** A deputy's place on a reception day. */
    public enum DutyState {
        ASSIGNED, CONFIRMED, DECLINED;

        public String messageKey() {
            return "station.dutyState." + name();
        }
    }

    /** 接待 at the station or 走访 outside it. */
    public enum RecordKind {
        RECEPTION(DutyType.RECEPTION), VISIT(DutyType.COLLECT_DEMANDS);

        private final DutyType dutyType;

        RecordKind(DutyType dutyType) {
            this.dutyType = dutyType;
        }

        public DutyType dutyType() {
            return dutyType;
        }

        public String messageKey() {
            return "station.recordKind." + name();
        }
    }

    /** The rhythm of a station (周议事、季联席、半年述职、年总结). */
    public enum ActivityKind {
        WEEKLY_DELIBERATION(DutyType.STATION_DUTY),
        QUARTERLY_JOINT_MEETING(DutyType.GROUP_ACTIVITY),
        HALF_YEAR_REPORT(DutyType.WRITTEN_REPORT),
        ANNUAL_SUMMARY(DutyType.STATION_DUTY);

        private final DutyType dutyType;

        ActivityKind(DutyType dutyType) {
            this.dutyType = dutyType;
        }

        /** The kind of duty attending counts as in the deputy's archive. */
        public DutyType dutyType() {
            return dutyType;
        }

        public String messageKey() {
            return "station.activityKind." + name();
        }
    }

    public enum ActivityState {
        PLANNED, HELD, CANCELLED;

        public String messageKey() {
            return "station.activityState." + name();
        }
    }
}
