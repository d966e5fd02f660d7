package org.renda.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.supervision.SupervisionEnums.ActivityKind;
import org.renda.supervision.SupervisionEnums.ActivityState;
import org.renda.supervision.SupervisionEnums.Speciality;
import org.renda.supervision.SupervisionEnums.SubjectKind;
import org.renda.supervision.SupervisionEnums.TopicSource;

/** What supervision shows: records of names and figures, never raw ids alone. */
public final class SupervisionViews {

    private SupervisionViews() {}

    public record SupervisedSubject(long id, long orgId, String orgName, int forYear, SubjectKind kind, String title,
            @Nullable Long responsibleOrgId, String responsibleName, TopicSource topicSource,
            @Nullable String description, int version) {}

    /**
     * The figures of a subject's year: activities planned, held and cancelled, suggestions made, and the findings
     * raised (found), accepted after the unit's report (rectified), and still open.
     */
    public record SupervisionFigures(int planned, int held, int cancelled, int suggestions, int found, int rectified,
            int open) {

        static final SupervisionFigures NONE = new SupervisionFigures(0, 0, 0, 0, 0, 0, 0);
    }

    /** A subject in the year's list, with its group's name and its figures. */
    public record SupervisedSubjectLine(SupervisedSubject subject, @Nullable String groupName, SupervisionFigures figures) {}

    /** How many subjects (topics) each town of a county follows in the year; the county's total is their sum. */
    public record TownTopics(long orgId, String orgName, long topics) {}

    /** An activity in a list of activities (the annual report's activities and inspections link to one). */
    public record ActivityLine(long id, long orgId, String orgName, long subjectId, String subjectTitle,
            ActivityKind kind, String title, LocalDate plannedOn, ActivityState state, @Nullable LocalDate heldOn) {}

    public record SupervisionIndex(int year, List<SupervisedSubjectLine> subjects, List<TownTopics> towns, long total, boolean mayWrite) {}

    public record GroupMember(long deputyId, String name) {}

    public record SupervisionGroup(long id, long subjectId, Speciality speciality, String name, long leaderDeputyId,
            String leaderName, List<GroupMember> members, int version) {}

    public record SupervisionAttendance(long deputyId, String name, boolean attended) {}

    public record SupervisionActivity(long id, long subjectId, long orgId, ActivityKind kind, @Nullable String slot,
            String title, LocalDate plannedOn, ActivityState state, @Nullable LocalDate heldOn,
            @Nullable String place, @Nullable String summary, int suggestions, @Nullable Long voteId,
            List<SupervisionAttendance> attendance, int version) {

        public long present() {
            return attendance.stream().filter(SupervisionAttendance::attended).count();
        }
    }

    /** The satisfaction vote of the year-end review, as far as the reader may see it. */
    public record SupervisionVote(long voteId, String title, boolean closed, boolean published, String publicCode,
            @Nullable BigDecimal rate, int valid, int satisfied, boolean below, boolean mayOpen) {}

    public record SupervisedSubjectDetail(SupervisedSubject subject, @Nullable SupervisionGroup group, List<SupervisionActivity> activities,
            List<RectificationView> findings, SupervisionFigures figures, @Nullable SupervisionVote vote, boolean mayWrite) {}

    /** What a rhythm generation did: activities created, and those already there (kept as they were). */
    public record RhythmGenerated(int created, int kept) {}
}
