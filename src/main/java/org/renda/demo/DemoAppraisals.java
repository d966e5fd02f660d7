package org.renda.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.renda.appraisal.AppraisalDesk;
import org.renda.appraisal.AppraisalEnums.BoardKind;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.AppraisalEnums.EvidenceKind;
import org.renda.appraisal.AppraisalViews.SubjectLine;
import org.renda.appraisal.BallotBox;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteScale;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo county's appraisal: the 2026 full-coverage appraisal of its 27 departments and units, with six
 * groups led by vice-chairs, a public board and checks for the transport bureau, a closed secret vote of 30
 * deputies (28 on phones, 2 on paper) whose lowest unit falls below the threshold and owes a rectification
 * report, and an open duty-report vote whose demo codes are listed in docs/demo-accounts.md.
 */
@Component
@Order(40)
class DemoAppraisals implements DemoPart {

    /** The open demo vote's codes (also in docs/demo-accounts.md); every other code is random. */
    static final List<String> DEMO_CODES = List.of("QHXPA-23456", "QHXPA-23457", "QHXPA-23458", "QHXPA-23459",
            "QHXPA-2345A", "QHXPA-2345B", "QHXPA-2345C", "QHXPA-2345D", "QHXPA-2345E", "QHXPA-2345F");
    private static final String[] VICE_CHAIRS = {"陈立群", "王建华", "刘秀梅", "张国栋", "黄志明", "周海燕"};
    private static final int VOTERS = 30;
    private static final int PHONE_VOTERS = 28;

    private final AppraisalDesk desk;
    private final VoteDesk votes;
    private final BallotBox box;
    private final DemoDeputies deputies;

    DemoAppraisals(AppraisalDesk desk, VoteDesk votes, BallotBox box, DemoDeputies deputies) {
        this.desk = desk;
        this.votes = votes;
        this.box = box;
        this.deputies = deputies;
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        long county = orgs.get("QH");
        int year = 2026;
        var campaign = desk.create(new AppraisalDesk.NewCampaign(county, year, "清河县人大常委会" + year + "年度政府工作部门工作评议",
                CampaignKind.UNITS, new BigDecimal("0.8"), true));
        long[] groups = new long[VICE_CHAIRS.length];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = desk.addGroup(campaign.id(), new AppraisalDesk.NewGroup("第" + "一二三四五六".charAt(g) + "评议调研组",
                    VICE_CHAIRS[g] + "（常委会副主任）", "常委会委员 3 名、相关工委负责人", "县人大代表 4 名"));
        }
        List<SubjectLine> subjects = desk.campaign(campaign.id()).subjects();
        for (int i = 0; i < subjects.size(); i++) {
            desk.assign(subjects.get(i).id(), groups[i % groups.length], VICE_CHAIRS[i % groups.length] + "副主任");
        }
        long transport = subjects.stream().filter(s -> orgs.get("QH-D11").equals(s.subjectOrgId())).findFirst()
                .orElseThrow().id();
        desk.addBoardItem(transport, BoardKind.COMMITMENT, "年内完成农村公路提档升级 120 公里", "已完成 96 公里");
        desk.addBoardItem(transport, BoardKind.KEY_PROJECT, "国道 G320 清河段改线工程", "路基完成 70%，桥梁 3 座在建");
        desk.addBoardItem(transport, BoardKind.LIVELIHOOD, "城乡公交一体化：新开通 4 条镇村公交线路", "已开通 3 条");
        desk.addBoardItem(transport, BoardKind.PROPOSAL, "代表建议：东湖村通组道路硬化（赵大山代表）", "已列入年度计划");
        LocalDate checked = LocalDate.of(year, 9, 15);
        desk.addEvidence(transport, EvidenceKind.HEARING, checked, "听取局长关于全年工作和“三重”工作推进情况的汇报。");
        desk.addEvidence(transport, EvidenceKind.DOCUMENTS, checked.plusDays(3), "核查项目台账、资金拨付凭证，资料基本齐全，个别项目验收资料滞后。");
        desk.addEvidence(transport, EvidenceKind.HOTLINE, checked.plusDays(5), "核查 12345 热线涉及道路、公交的投诉及办结情况。");
        desk.addEvidence(transport, EvidenceKind.SITE, checked.plusDays(10), "实地查看国道改线工地和两条农村公路，施工安全措施到位。");
        var questionnaires = desk.subject(transport).questionnaires();
        int[][] answers = {{18, 9, 3, 0}, {11, 6, 2, 1}, {36, 20, 9, 4}, {8, 4, 1, 0}, {3, 2, 0, 0}};
        for (int q = 0; q < questionnaires.size(); q++) {
            int[] a = answers[q];
            desk.enterPaper(questionnaires.get(q).id(), a[0], a[1], a[2], a[3]);
        }
        desk.saveReport(transport, desk.assembleDraft(transport));

        // The appraisal meeting's secret vote: 30 deputies, 28 on phones, 2 on paper slips.
        List<DeputyProfile> roll = deputies.registered().subList(0, VOTERS);
        VoteSummary vote = votes.createForCampaign(campaign.id(), year + "年度政府工作部门满意度测评", VoteScale.FOUR_LEVEL,
                RateRule.SATISFIED_SHARE);
        votes.addToRoll(vote.id(), roll.stream().map(d -> new VoteDesk.Voter(d.id(), d.name())).toList());
        var issued = new HashSet<Long>();
        votes.roll(vote.id()).forEach(r -> issued.add(r.id()));
        votes.markIssued(vote.id(), issued);
        List<String> codes = votes.printCodes(vote.id(), VOTERS + 5);
        votes.open(vote.id());
        List<SubjectView> items = votes.detail(vote.id()).subjects();
        long lowest = orgs.get("QH-D13");
        for (int v = 0; v < PHONE_VOTERS; v++) {
            Map<Long, String> choices = new HashMap<>();
            for (int k = 0; k < items.size(); k++) {
                boolean weak = items.get(k).subjectOrgId() != null && items.get(k).subjectOrgId() == lowest;
                choices.put(items.get(k).id(), level(k, (v + 3 * k) % PHONE_VOTERS, weak));
            }
            box.cast(vote.publicCode(), codes.get(v), choices);
        }
        Map<Long, Map<String, Integer>> paper = new HashMap<>();
        for (SubjectView s : items) {
            boolean weak = s.subjectOrgId() != null && s.subjectOrgId() == lowest;
            paper.put(s.id(), weak ? Map.of("BASIC", 1, "UNSATISFIED", 1) : Map.of("SATISFIED", 1, "FAIRLY", 1));
        }
        votes.enterPaper(vote.id(), 2, paper);
        votes.close(vote.id());
        votes.publish(vote.id(), true);

        // An open vote to try on a phone: officials' duty reports, on the competence scale.
        VoteSummary duty = votes.create(new VoteDesk.NewVote(county, year + "年度县人民政府组成人员述职评议",
                VoteScale.COMPETENCE, RateRule.SATISFIED_SHARE, new BigDecimal("0.8"),
                List.of("县交通运输局局长 孙海涛", "县教育局局长 李文静", "县农业农村局局长 周建军", "县卫生健康局局长 吴晓红",
                        "县住房和城乡建设局局长 郑国强")));
        votes.addToRoll(duty.id(), new ArrayList<>(roll.stream().map(d -> new VoteDesk.Voter(d.id(), d.name())).toList()));
        var dutyIssued = new HashSet<Long>();
        votes.roll(duty.id()).forEach(r -> dutyIssued.add(r.id()));
        votes.markIssued(duty.id(), dutyIssued);
        votes.acceptCodes(duty.id(), DEMO_CODES);
        votes.printCodes(duty.id(), 25);
        votes.open(duty.id());
    }

    /** Deterministic ratings: most units 满意 or 较满意, some 不满意; the weak one spread down to 不满意. */
    private static String level(int k, int position, boolean weak) {
        int satisfied = weak ? 6 : 13 + (k * 7) % 11;
        int fairly = weak ? 8 : (PHONE_VOTERS - satisfied) * 3 / 4;
        int unsatisfied = weak ? 6 : k % 4 == 0 ? 1 : 0;
        int basic = PHONE_VOTERS - satisfied - fairly - unsatisfied;
        if (position < satisfied) {
            return "SATISFIED";
        }
        if (position < satisfied + fairly) {
            return "FAIRLY";
        }
        return position < satisfied + fairly + basic ? "BASIC" : "UNSATISFIED";
    }
}
