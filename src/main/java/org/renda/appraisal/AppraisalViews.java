package org.renda.appraisal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.BoardKind;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.AppraisalEnums.EvidenceKind;
import org.renda.appraisal.AppraisalEnums.RectificationState;
import org.renda.appraisal.AppraisalEnums.RespondentGroup;

/** What the screens and the API see of a campaign, its units, evidence and rectification ledger. */
public final class AppraisalViews {

    private AppraisalViews() {}

    public record CampaignView(long id, long orgId, String orgName, int forYear, String title, CampaignKind kind,
            BigDecimal threshold, int subjects) {}

    public record GroupView(long id, String name, String leaderName, @Nullable String members,
            @Nullable String deputies) {}

    public record SubjectLine(long id, long campaignId, long orgId, @Nullable Long subjectOrgId, String title,
            @Nullable Long groupId, @Nullable String groupName, @Nullable String liaisonLeader, int sortNo,
            int boardItems, int evidence, int openRectifications) {}

    public record BoardItem(long id, long subjectId, BoardKind kind, String title, @Nullable String progress,
            boolean done, Instant updatedAt, String updatedBy) {}

    public record Evidence(long id, EvidenceKind kind, LocalDate checkedOn, String finding, String recordedBy) {}

    public record Questionnaire(long id, long subjectId, RespondentGroup group, String publicCode, boolean accepting,
            int online, int paper, int satisfied, int fairly, int basic, int unsatisfied, List<String> opinions) {

        public int answers() {
            return satisfied + fairly + basic + unsatisfied;
        }

        /** (满意 + 较满意) / answers, 0 without answers. */
        public double satisfactionRate() {
            return answers() == 0 ? 0 : (double) (satisfied + fairly) / answers();
        }
    }

    /** The unit's hotline and casework figures of the campaign's year (from casework), if the reader may see them. */
    public record HotlineFigures(long collected, long closed, long rated, long satisfied) {

        public double closureRate() {
            return collected == 0 ? 0 : (double) closed / collected;
        }

        public double satisfactionRate() {
            return rated == 0 ? 0 : (double) satisfied / rated;
        }
    }

    public record SubjectDetail(CampaignView campaign, SubjectLine subject, @Nullable String reportDraft,
            List<BoardItem> board, List<Evidence> evidence, List<Questionnaire> questionnaires,
            @Nullable HotlineFigures hotline, List<RectificationView> rectifications, boolean mayWrite,
            boolean mayRespond) {}

    public record CampaignDetail(CampaignView campaign, List<GroupView> groups, List<SubjectLine> subjects,
            boolean mayWrite) {}

    /** A questionnaire's public answering page: the unit's name and the group asked, nothing else. */
    public record PublicQuestionnaire(String publicCode, String unitTitle, String campaignTitle,
            RespondentGroup group, boolean accepting) {}

    public record CheckView(LocalDate checkedOn, String committee, String finding) {}

    /**
     * One item of the ledger. An appraisal item names its campaign and subject; a supervision item names neither
     * (both null) but its source (the supervision subject's id and title, in {@code subjectTitle}).
     */
    public record RectificationView(long id, long orgId, @Nullable Long campaignId, int forYear, @Nullable Long subjectId,
            String subjectTitle, @Nullable Long subjectOrgId, String problem, @Nullable String commitment,
            LocalDate dueOn, RectificationState state, @Nullable String report, @Nullable LocalDate reportedOn,
            @Nullable LocalDate acceptedOn, @Nullable String acceptance, @Nullable LocalDate interviewedOn,
            @Nullable String interviewNote, boolean carried, List<CheckView> checks, int version,
            AppraisalEnums.RectificationSource source, @Nullable Long sourceId) {

        /** Lagging (整改滞后): not reported in writing by its due date. */
        public boolean lagging(LocalDate today) {
            return state == RectificationState.OPEN && today.isAfter(dueOn);
        }
    }
}
