package org.renda.meeting;

import org.jspecify.annotations.Nullable;
import org.renda.deputy.DutyType;

/** The small vocabularies of a meeting, each with its rule as data. */
public final class MeetingEnums {

    private MeetingEnums() {}

    /**
     * A share of a base: reached when {@code n/base} is at least (or, strict, more than) {@code num/den}. Quorum of a
     * session is two thirds of all deputies in office, at least (地方组织法); a resolution passes with more than half of
     * all deputies in office (not of those present).
     */
    public record Share(int num, int den, boolean strict) {

        public boolean reached(int n, int base) {
            long left = (long) n * den;
            long right = (long) base * num;
            return strict ? left > right : left >= right;
        }

        /** The smallest count that reaches the share of {@code base}. */
        public int needed(int base) {
            for (int n = 0; n <= base; n++) {
                if (reached(n, base)) {
                    return n;
                }
            }
            return base + 1;
        }
    }

    /**
     * The kinds of meeting. Who is invited, whose presence counts in the duty archive as what, and which rules of
     * quorum and majority apply (none: the meeting does not vote).
     */
    public enum MeetingKind {
        /** 人民代表大会会议: every deputy in office; quorum two thirds; resolutions by more than half of all deputies. */
        SESSION(DutyType.ATTEND_CONGRESS, new Share(2, 3, false), new Share(1, 2, true)),
        /** 主席团会议: the presidium of the term; more than half present; decisions by more than half of the members. */
        PRESIDIUM(DutyType.GROUP_ACTIVITY, new Share(1, 2, true), new Share(1, 2, true)),
        /** 联席会议: chosen deputies; no vote. */
        JOINT(DutyType.GROUP_ACTIVITY, null, null),
        /** 论坛 (e.g. 头雁论坛, seed 004): chosen deputies; no vote. */
        FORUM(DutyType.GROUP_ACTIVITY, null, null);

        private final DutyType dutyType;
        private final @Nullable Share quorum;
        private final @Nullable Share majority;

        MeetingKind(DutyType dutyType, @Nullable Share quorum, @Nullable Share majority) {
            this.dutyType = dutyType;
            this.quorum = quorum;
            this.majority = majority;
        }

        public DutyType dutyType() {
            return dutyType;
        }

        public @Nullable Share quorum() {
            return quorum;
        }

        public @Nullable Share majority() {
            return majority;
        }

        public boolean votes() {
            return majority != null;
        }

        public String messageKey() {
            return "meeting.kind." + name();
        }
    }

    /** draft → notified → in session → closed. */
    public enum MeetingState {
        DRAFT, NOTIFIED, IN_SESSION, CLOSED;

        /** The one next state, or null at the end. */
        public @Nullable MeetingState next() {
            return switch (this) {
                case DRAFT -> NOTIFIED;
                case NOTIFIED -> IN_SESSION;
                case IN_SESSION -> CLOSED;
                case CLOSED -> null;
            };
        }

        public String messageKey() {
            return "meeting.state." + name();
        }
    }

    /** A deputy's answer to the invitation. */
    public enum Response {
        PENDING, CONFIRMED, LEAVE;

        public String messageKey() {
            return "meeting.response." + name();
        }
    }

    /** 议案 or 建议 raised at a session; both become tracked cases. */
    public enum MotionKind {
        MOTION, SUGGESTION;

        public String messageKey() {
            return "meeting.motion.kind." + name();
        }
    }

    /** 决议 or 决定. */
    public enum ResolutionKind {
        RESOLUTION, DECISION;

        public String messageKey() {
            return "meeting.resolution.kind." + name();
        }
    }

    /** Drafted, the open vote recorded, the result announced by the presiding member. */
    public enum ResolutionState {
        DRAFT, VOTED, ANNOUNCED;

        public String messageKey() {
            return "meeting.resolution.state." + name();
        }
    }

    /** A presidium member's post. */
    public enum Post {
        CHAIR, VICE_CHAIR, MEMBER;

        public String messageKey() {
            return "meeting.presidium.post." + name();
        }
    }
}
