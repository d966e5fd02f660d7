package org.renda.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.MotionKind;
import org.renda.meeting.MeetingEnums.Post;
import org.renda.meeting.MeetingEnums.ResolutionKind;
import org.renda.meeting.MeetingEnums.ResolutionState;
import org.renda.meeting.MeetingEnums.Response;

/** What the pages, the API and the documents show of meetings. */
public final class MeetingViews {

    private MeetingViews() {}

    public record MeetingView(long id, long orgId, String orgName, MeetingKind kind, String title,
            @Nullable Integer termNo, @Nullable Integer sessionNo, LocalDate startsOn, LocalDate endsOn,
            LocalTime startsAt, String place, MeetingState state, @Nullable String minutes, int version) {}

    public record AgendaItemView(long id, int seq, String title, @Nullable LocalDate heldOn, @Nullable LocalTime atTime,
            @Nullable String presenter) {}

    public record MaterialView(long id, String title, String fileName, String contentType, int sizeBytes) {

        public String size() {
            return sizeBytes >= 1024 * 1024 ? String.format("%.1f MB", sizeBytes / 1024.0 / 1024.0)
                    : Math.max(1, sizeBytes / 1024) + " KB";
        }
    }

    public record AttendeeView(long deputyId, String name, Response response, @Nullable String leaveReason,
            boolean present, boolean inOffice) {}

    /**
     * 应到 / 实到 / 缺席 / 请假 and the quorum. For a session, 应到 is every deputy in office of the congress (the base
     * of quorum and majority); for other meetings, everyone invited.
     *
     * @param quorumNeeded the presence the quorum needs, or 0 where the kind has no quorum rule
     */
    public record Attendance(int expected, int present, int absent, int onLeave, int confirmed, int pending,
            int quorumNeeded, boolean quorumReached, int majorityNeeded) {}

    public record MotionView(long id, long deputyId, String deputyName, MotionKind kind, String title, long caseId,
            String caseReceipt) {}

    public record SpeechView(long id, long deputyId, String deputyName, String topic) {}

    public record ResolutionView(long id, long meetingId, int seq, ResolutionKind kind, String title, String body,
            ResolutionState state, @Nullable Integer votesFor, @Nullable Integer votesAgainst,
            @Nullable Integer votesAbstain, @Nullable Integer notVoting, @Nullable Integer present,
            @Nullable Integer base, @Nullable Boolean passed, @Nullable String announcedBy, int version) {

        /** The "for" votes that pass it: more than half of the base. */
        public int needed() {
            return base == null ? 0 : base / 2 + 1;
        }

        public boolean announced() {
            return state == ResolutionState.ANNOUNCED;
        }
    }

    /** Everything about one meeting that its page shows. */
    public record MeetingPage(MeetingView meeting, List<AgendaItemView> agenda, List<MaterialView> materials,
            List<AttendeeView> attendees, Attendance attendance, List<MotionView> motions, List<SpeechView> speeches,
            List<ResolutionView> resolutions, boolean canWrite, boolean canPreside, @Nullable AttendeeView mine) {}

    /** A meeting in a list, with the signed-in deputy's answer when invited. */
    public record MeetingSummary(MeetingView meeting, @Nullable Response myResponse) {}

    public record MemberView(long deputyId, String name, Post post) {}

    public record PresidiumView(long id, long orgId, String orgName, int termNo, boolean confirmed, int version,
            List<MemberView> members) {}
}
