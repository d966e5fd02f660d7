package org.renda.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renda.appraisal.BallotBox;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.appraisal.VoteDesk.Voter;
import org.renda.deputy.DeputyRegister;
import org.renda.supervision.EightStepDesk;
import org.renda.supervision.EightStepViews.ProcessView;
import org.renda.supervision.EightStepViews.TemplateView;
import org.renda.supervision.OfficialReportDesk;
import org.renda.supervision.OfficialReportViews.OfficialView;
import org.renda.supervision.OfficialReportViews.PlanView;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's eight-step activity and officials' duty reports: 安澜镇 has an activity halfway through the eight steps
 * (the meeting held, so its deputies have it in their archives) and its 18th term's plan of six officials, four
 * reported at two sittings and the first sitting's two voted on through the secret vote; 石桥镇 has one of each, so
 * scope can be probed from either town.
 */
@Component
@Order(65)
class DemoEightStepsAndDutyReports implements DemoPart {

    private static final int TERM = 18;

    private final EightStepDesk steps;
    private final OfficialReportDesk reports;
    private final VoteDesk votes;
    private final BallotBox box;
    private final DeputyRegister register;

    DemoEightStepsAndDutyReports(EightStepDesk steps, OfficialReportDesk reports, VoteDesk votes, BallotBox box,
            DeputyRegister register) {
        this.steps = steps;
        this.reports = reports;
        this.votes = votes;
        this.box = box;
        this.register = register;
    }

    @Override
    public void load(Map<String, Long> orgs, Map<String, Long> users) {
        LocalDate today = LocalDate.now();
        long anlan = orgs.get("QH-AL");
        long shiqiao = orgs.get("QH-SQ");
        List<Voter> anlanDeputies = of(anlan);
        List<Voter> shiqiaoDeputies = of(shiqiao);

        // 安澜镇: a road-building appraisal activity, four of eight steps done.
        ProcessView p = start(anlan, "通村公路建设专题评议活动", today.minusDays(30), "民生实事：通村公路提档升级",
                anlanDeputies.subList(0, 6));
        String[] evidence = {"提前一周向 6 名代表发出书面通知，告知评议主题、时间和地点。",
                "代表分两组走访东湖村、西岭村等 5 个村，察看 12 公里在建道路，听取 40 余名群众意见。",
                "召开评议座谈会，镇交通办汇报工作，代表提出意见建议 9 条。",
                "整理形成书面评议意见 6 条，交镇人民政府办理。"};
        for (int i = 0; i < 4; i++) {
            p = steps.close(p.steps().get(i).id(), new EightStepDesk.CloseForm(today.minusDays(30 - i * 6), evidence[i]),
                    List.of());
        }
        // 石桥镇: a water-supply activity, two steps done.
        ProcessView q = start(shiqiao, "农村饮水安全专题调研", today.minusDays(14), null, shiqiaoDeputies.subList(0, 3));
        q = steps.close(q.steps().get(0).id(), new EightStepDesk.CloseForm(today.minusDays(14), "电话和短信通知 3 名代表。"),
                List.of());
        steps.close(q.steps().get(1).id(), new EightStepDesk.CloseForm(today.minusDays(10), "走访双井村、梅坑村水厂。"),
                List.of());

        // 安澜镇's 18th term: six officials, two sittings; the first sitting's two voted on, two more reported.
        PlanView plan = reports.createPlan(new OfficialReportDesk.NewPlan(anlan, TERM, "安澜镇第十八届政府负责人述职评议"));
        plan = reports.addSitting(plan.id(), new OfficialReportDesk.SittingForm(LocalDate.of(2024, 3, 15),
                "安澜镇第十八届人民代表大会第三次会议"));
        plan = reports.addSitting(plan.id(), new OfficialReportDesk.SittingForm(LocalDate.of(2025, 3, 14),
                "安澜镇第十八届人民代表大会第五次会议"));
        long first = plan.sittings().get(0).id();
        long second = plan.sittings().get(1).id();
        String[][] officials = {{"王建国", "镇长", "1"}, {"刘志强", "副镇长（常务）", "1"}, {"陈晓梅", "副镇长", "2"},
            {"杨国华", "副镇长", "2"}, {"周振宇", "副镇长", ""}, {"孙丽娟", "副镇长", ""}};
        for (String[] o : officials) {
            plan = reports.addOfficial(plan.id(), new OfficialReportDesk.OfficialForm(o[0], o[1],
                    o[2].isEmpty() ? null : o[2].equals("1") ? first : second));
        }
        for (OfficialView o : plan.officials()) {
            if (o.sittingId() != null) {
                plan = reports.report(o.id(), new OfficialReportDesk.ReportForm(o.heldOn(), o.position()
                        + "任期工作述职：分管领域重点工作推进情况、存在问题和下一步打算。", o.version()));
            }
        }
        plan = reports.ask(plan.officials().get(0).id(), new OfficialReportDesk.QuestionForm("赵大山",
                "东湖村通组道路硬化何时完工？", "计划今年 10 月底前完成路面硬化，11 月验收。"));
        plan = reports.ask(plan.officials().get(1).id(), new OfficialReportDesk.QuestionForm("李春华",
                "西岭村养老服务点的选址进展如何？", null));
        vote(first, anlanDeputies.subList(0, 20));

        // 石桥镇: two officials, one reported.
        PlanView sq = reports.createPlan(new OfficialReportDesk.NewPlan(shiqiao, TERM, "石桥镇第十八届政府负责人述职评议"));
        sq = reports.addSitting(sq.id(), new OfficialReportDesk.SittingForm(LocalDate.of(2025, 3, 20),
                "石桥镇第十八届人民代表大会第五次会议"));
        sq = reports.addOfficial(sq.id(), new OfficialReportDesk.OfficialForm("吴海涛", "镇长", sq.sittings().get(0).id()));
        sq = reports.addOfficial(sq.id(), new OfficialReportDesk.OfficialForm("郑雪", "副镇长", null));
        OfficialView mayor = sq.officials().get(0);
        reports.report(mayor.id(), new OfficialReportDesk.ReportForm(LocalDate.of(2025, 3, 20), null, mayor.version()));
    }

    private ProcessView start(long orgId, String title, LocalDate on, String subject, List<Voter> who) {
        TemplateView eight = steps.templatesFor(orgId).stream().filter(t -> t.code().equals("EIGHT_STEP")).findFirst()
                .orElseThrow();
        return steps.start(new EightStepDesk.NewProcess(orgId, eight.id(), title, on, subject,
                who.stream().map(Voter::deputyId).toList()));
    }

    /** The sitting's secret vote: 20 deputies on phones, mostly satisfied, then closed and its results taken. */
    private void vote(long sittingId, List<Voter> roll) {
        VoteSummary vote = reports.createVote(sittingId, OfficialReportDesk.VoteForm.standard());
        votes.addToRoll(vote.id(), roll);
        Set<Long> issued = new HashSet<>();
        votes.roll(vote.id()).forEach(r -> issued.add(r.id()));
        votes.markIssued(vote.id(), issued);
        List<String> codes = votes.printCodes(vote.id(), roll.size());
        votes.open(vote.id());
        List<SubjectView> subjects = votes.detail(vote.id()).subjects();
        String[] levels = {"SATISFIED", "SATISFIED", "SATISFIED", "FAIRLY", "SATISFIED", "FAIRLY", "BASIC",
            "SATISFIED", "FAIRLY", "SATISFIED"};
        for (int v = 0; v < roll.size(); v++) {
            Map<Long, String> choices = new HashMap<>();
            for (int k = 0; k < subjects.size(); k++) {
                choices.put(subjects.get(k).id(), levels[(v + 3 * k) % levels.length]);
            }
            box.cast(vote.publicCode(), codes.get(v), choices);
        }
        votes.close(vote.id());
        reports.takeResults(sittingId);
    }

    private List<Voter> of(long townId) {
        List<Voter> out = new ArrayList<>();
        register.listAll(new DeputyRegister.Query(null, null, null, null, null, townId, true))
                .forEach(d -> out.add(new Voter(d.id(), d.name())));
        return out;
    }
}
