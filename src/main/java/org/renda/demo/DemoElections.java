package org.renda.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.renda.deputy.DeputyLevel;
import org.renda.deputy.DeputyRegister;
import org.renda.meeting.ElectionDesk;
import org.renda.meeting.ElectionDesk.CandidateForm;
import org.renda.meeting.ElectionDesk.ElectionForm;
import org.renda.meeting.ElectionDesk.ElectionRoundForm;
import org.renda.meeting.ElectionDesk.ElectionStepForm;
import org.renda.meeting.ElectionDesk.ElectionTallyForm;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionEnums.ElectionStep;
import org.renda.meeting.ElectionEnums.Nomination;
import org.renda.meeting.ElectionEnums.ReviewOutcome;
import org.renda.meeting.ElectionViews.CandidateView;
import org.renda.meeting.ElectionViews.ElectionView;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Elections of the demo county (seed 001: "程序一项不少、环节一个不漏、时间一步不差"): 安澜镇's by-election in the district
 * whose deputy resigned in 2023, carried through to the qualification review that put the by-elected deputy in the
 * register; the election of a 副镇长 at 安澜镇's session, announced and sworn in with the oath stand and the
 * Constitution; and 石桥镇's by-election still waiting for its vote (records outside 安澜镇 for the scope checks).
 */
@Component
@Order(75)
class DemoElections implements DemoPart {

    private final ElectionDesk elections;
    private final DeputyRegister deputies;

    DemoElections(ElectionDesk elections, DeputyRegister deputies) {
        this.elections = elections;
        this.deputies = deputies;
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        long anlan = orgs.get("QH-AL");
        byElection(anlan);
        viceHead(anlan);
        long shiqiao = orgs.get("QH-SQ");
        ElectionView sq = elections.create(new ElectionForm(shiqiao, ElectionKind.BY_ELECTION,
                "补选石桥镇第十八届人民代表大会代表（第2选区）", null, null, null, "第2选区（古渡村）",
                "原代表因病去世，代表资格终止", LocalDate.of(2025, 9, 1), DeputyLevel.TOWN, 18, 2021, 2026, 1, 1240));
        elections.addCandidate(sq.id(), new CandidateForm("梅永福", "男", LocalDate.of(1978, 6, 2), "古渡村村委会主任",
                "中共党员", Nomination.PARTIES, null, null));
        elections.addCandidate(sq.id(), new CandidateForm("黄翠萍", "女", LocalDate.of(1985, 2, 14), "个体工商户", "群众",
                Nomination.VOTERS_JOINT, 11, null));
        elections.recordStep(sq.id(), new ElectionStepForm(ElectionStep.NOMINATED, LocalDate.of(2025, 9, 20), "提名截止"));
    }

    /** 第5选区 (上林村): its deputy resigned on 2023-03-01; the voters filled the seat within weeks. */
    private void byElection(long town) {
        ElectionView e = elections.create(new ElectionForm(town, ElectionKind.BY_ELECTION,
                "补选安澜镇第十八届人民代表大会代表（第5选区）", null, null, null, "第5选区（上林村）",
                "原代表因工作调动辞去代表职务，经主席团接受，出缺一名", LocalDate.of(2023, 3, 1), DeputyLevel.TOWN, 18, 2021,
                2026, 1, 1860));
        elections.addCandidate(e.id(), new CandidateForm("周建华", "男", LocalDate.of(1976, 8, 12), "上林村党支部书记",
                "中共党员", Nomination.PARTIES, null, null));
        elections.addCandidate(e.id(), new CandidateForm("陈玉兰", "女", LocalDate.of(1982, 4, 3), "种养大户", "群众",
                Nomination.VOTERS_JOINT, 12, null));
        elections.recordStep(e.id(), new ElectionStepForm(ElectionStep.NOMINATED, LocalDate.of(2023, 3, 20),
                "选区选民小组讨论协商，确定正式候选人 2 名"));
        elections.recordStep(e.id(), new ElectionStepForm(ElectionStep.PUBLISHED, LocalDate.of(2023, 3, 27),
                "在上林村党群服务中心及各村民小组张榜公布，并组织候选人与选民见面"));
        List<CandidateView> cs = elections.get(e.id()).candidates();
        elections.recordRound(e.id(), new ElectionRoundForm(LocalDate.of(2023, 4, 10), "李国平、张小燕", "王德胜、刘秀英", null,
                null, null, null, 1860, 1532, List.of(new ElectionTallyForm(cs.get(0).id(), 1105, null, null),
                        new ElectionTallyForm(cs.get(1).id(), 398, null, null))));
        elections.review(e.id(), new ElectionDesk.QualificationReviewForm(ReviewOutcome.CONFIRMED, LocalDate.of(2023, 4, 20),
                "安澜镇人大主席团代表资格审查委员会", "补选程序合法，当选人符合代表资格"));
    }

    /** A 副镇长 elected at the session: more than half of all deputies in office, announced, sworn in. */
    private void viceHead(long town) {
        ElectionView e = elections.create(new ElectionForm(town, ElectionKind.CONGRESS, "选举安澜镇副镇长", null,
                "安澜镇第十八届人民代表大会第五次会议", "副镇长", null, null, null, null, null, null, null, 1, null));
        elections.addCandidate(e.id(), new CandidateForm("刘志强", "男", LocalDate.of(1984, 11, 5), "安澜镇党委委员",
                "中共党员", Nomination.PRESIDIUM, null, null));
        elections.recordStep(e.id(), new ElectionStepForm(ElectionStep.NOMINATED, LocalDate.of(2024, 1, 15), "主席团提名"));
        elections.recordStep(e.id(), new ElectionStepForm(ElectionStep.MET, LocalDate.of(2024, 1, 15),
                "候选人在代表团会议上与代表见面，介绍本人情况并回答代表提问"));
        int inOffice = deputies.inOfficeCount(town);
        int issued = inOffice - 2;
        CandidateView c = elections.get(e.id()).candidates().get(0);
        elections.recordRound(e.id(), new ElectionRoundForm(LocalDate.of(2024, 1, 16), "赵大山、李春华", "王建国、陈秀英",
                issued, issued, issued - 1, 1, null, null, List.of(new ElectionTallyForm(c.id(), issued - 4, 2, 1))));
        elections.announce(e.id(), new ElectionDesk.ElectionAnnounceForm(LocalDate.of(2024, 1, 16), "大会执行主席当场宣布"));
        elections.recordOath(e.id(), c.id(), new ElectionDesk.OathForm(LocalDate.of(2024, 1, 16), "黄永明",
                "安澜镇人民会堂主席台宣誓台（宪法本）"));
    }
}
