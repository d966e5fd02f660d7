package org.renda.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.BallotBox;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteViews.SubjectResult;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.deputy.DeputyRegister;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.NotFoundException;
import org.renda.supervision.OfficialReportViews.Figures;
import org.renda.supervision.OfficialReportViews.OfficialView;
import org.renda.supervision.OfficialReportViews.PlanView;
import org.renda.supervision.OfficialReportViews.TermFigures;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Officials' duty reports (seed 001): a town's plan for a term, the officials reporting at a congress sitting and
 * answering questions, the satisfaction vote through the appraisal module's secret vote, and the figures per term
 * and, for the county, summed over its towns (seed 001: 22 officials have reported).
 */
@RendaIntegrationTest
class OfficialReportTest {

    private static final AtomicInteger TERM = new AtomicInteger(40 + (int) (System.nanoTime() % 20));

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired OfficialReportDesk desk;
    @Autowired VoteDesk votes;
    @Autowired BallotBox box;
    @Autowired DeputyRegister deputies;

    private <T> T as(String who, java.util.function.Supplier<T> work) {
        return Logins.call(accounts, who, work);
    }

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    @Test
    void aTermsPlanGoesFromScheduledToReportedToVotedThroughTheSharedSecretVote() throws Exception {
        int term = TERM.incrementAndGet();
        long anlan = org("QH-AL");
        PlanView plan = as("anlan.staff", () -> desk.createPlan(new OfficialReportDesk.NewPlan(anlan, term, "述职计划" + term)));
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.createPlan(new OfficialReportDesk.NewPlan(anlan, term, "重复"))))
                .hasFieldOrPropertyWithValue("messageKey", "officialReport.error.planExists");
        long planId = plan.id();
        plan = as("anlan.staff", () -> desk.addSitting(planId, new OfficialReportDesk.SittingForm(LocalDate.now().minusDays(2),
                "第" + term + "届人民代表大会第一次会议")));
        long sitting = plan.sittings().get(0).id();
        for (String[] o : new String[][] {{"甲镇长", "镇长"}, {"乙副镇长", "副镇长"}, {"丙副镇长", "副镇长"}}) {
            as("anlan.staff", () -> desk.addOfficial(planId, new OfficialReportDesk.OfficialForm(o[0], o[1], sitting)));
        }
        plan = as("anlan.staff", () -> desk.addOfficial(planId, new OfficialReportDesk.OfficialForm("丁副镇长", "副镇长", null)));
        assertThat(plan.officials()).extracting(OfficialView::state).containsExactly(OfficialReportState.SCHEDULED,
                OfficialReportState.SCHEDULED, OfficialReportState.SCHEDULED, OfficialReportState.DUE);
        assertThat(plan.figures()).isEqualTo(new Figures(4, 3, 0, 0));

        OfficialView unscheduled = plan.officials().get(3);
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.report(unscheduled.id(), new OfficialReportDesk.ReportForm(
                LocalDate.now(), null, unscheduled.version())))).hasFieldOrPropertyWithValue("messageKey",
                "officialReport.error.notScheduled");
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.createVote(sitting, OfficialReportDesk.VoteForm.standard())))
                .hasFieldOrPropertyWithValue("messageKey", "officialReport.error.noneReported");
        for (OfficialView o : plan.officials().subList(0, 3)) {
            as("anlan.staff", () -> desk.report(o.id(), new OfficialReportDesk.ReportForm(LocalDate.now().minusDays(2),
                    "任期述职要点", o.version())));
        }
        OfficialView mayor = plan.officials().get(0);
        plan = as("anlan.staff", () -> desk.ask(mayor.id(), new OfficialReportDesk.QuestionForm("赵大山", "集镇污水管网何时完工？",
                null)));
        long question = plan.officials().get(0).questions().get(0).id();
        plan = as("anlan.staff", () -> desk.answer(question, "年底前完成主管网，明年上半年完成入户。"));
        assertThat(plan.officials().get(0).questions().get(0).answer()).startsWith("年底前");
        assertThat(plan.figures()).isEqualTo(new Figures(4, 3, 3, 0));

        // The satisfaction vote: the appraisal module's engine, the three officials who reported as its subjects.
        VoteSummary vote = as("anlan.staff", () -> desk.createVote(sitting, OfficialReportDesk.VoteForm.standard()));
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.createVote(sitting, OfficialReportDesk.VoteForm.standard())))
                .hasFieldOrPropertyWithValue("messageKey", "officialReport.error.voteExists");
        List<SubjectView> subjects = as("anlan.staff", () -> votes.detail(vote.id()).subjects());
        assertThat(subjects).extracting(SubjectView::title).containsExactly("镇长 甲镇长", "副镇长 乙副镇长", "副镇长 丙副镇长");
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.takeResults(sitting)))
                .hasFieldOrPropertyWithValue("messageKey", "officialReport.error.voteNotClosed");
        List<VoteDesk.Voter> roll = as("anlan.staff", () -> deputies.listAll(new DeputyRegister.Query(null, null, null,
                null, null, anlan, true))).subList(0, 5).stream().map(d -> new VoteDesk.Voter(d.id(), d.name())).toList();
        List<String> codes = as("anlan.staff", () -> {
            votes.addToRoll(vote.id(), roll);
            Set<Long> issued = new HashSet<>();
            votes.roll(vote.id()).forEach(r -> issued.add(r.id()));
            votes.markIssued(vote.id(), issued);
            List<String> c = votes.printCodes(vote.id(), 5);
            votes.open(vote.id());
            return c;
        });
        // 5 ballots: the mayor 4 satisfied + 1 unsatisfied; the others 3 + 2
        String[][] ballots = {{"SATISFIED", "SATISFIED", "SATISFIED"}, {"FAIRLY", "SATISFIED", "FAIRLY"},
            {"SATISFIED", "FAIRLY", "SATISFIED"}, {"SATISFIED", "BASIC", "UNSATISFIED"}, {"UNSATISFIED", "BASIC", "BASIC"}};
        for (int v = 0; v < 5; v++) {
            Map<Long, String> choices = new HashMap<>();
            for (int k = 0; k < 3; k++) {
                choices.put(subjects.get(k).id(), ballots[v][k]);
            }
            box.cast(vote.publicCode(), codes.get(v), choices);
        }
        as("anlan.chair", () -> votes.close(vote.id()));
        plan = as("anlan.staff", () -> desk.takeResults(sitting));
        List<SubjectResult> results = as("anlan.staff", () -> votes.detail(vote.id()).results().rows());
        assertThat(plan.officials().subList(0, 3)).extracting(OfficialView::state).containsOnly(OfficialReportState.VOTED);
        assertThat(plan.officials().get(0).satisfied()).isEqualTo(4);
        assertThat(plan.officials().get(0).validVotes()).isEqualTo(5);
        assertThat(plan.officials().get(0).rate()).isEqualByComparingTo(new BigDecimal("0.8"));
        assertThat(plan.officials().get(0).ratePercent()).isEqualTo("80.0%");
        assertThat(plan.officials().get(1).satisfied()).isEqualTo(3);
        assertThat(results).extracting(SubjectResult::satisfied).containsExactly(4, 3, 3);
        assertThat(plan.sittings().get(0).voteId()).isEqualTo(vote.id());
        assertThat(plan.figures()).isEqualTo(new Figures(4, 3, 3, 3));
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.takeResults(sitting)))
                .hasFieldOrPropertyWithValue("messageKey", "officialReport.error.nothingToTake");

        // The page shows the result and links the vote; the export carries the plan and its figures.
        String page = mvc.perform(get("/supervision/official-reports/" + planId).with(Logins.as(accounts, "anlan.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("满意率 80.0%", "/appraisals/votes/" + vote.id(), "应述职 4 人，已述职 3 人，已测评 3 人");
        byte[] xlsx = mvc.perform(get("/supervision/official-reports/" + planId + "/export.xlsx")
                .with(Logins.as(accounts, "anlan.staff"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter f = new DataFormatter();
            assertThat(f.formatCellValue(book.getSheet("述职计划").getRow(1).getCell(1))).isEqualTo("甲镇长");
            assertThat(f.formatCellValue(book.getSheet("述职计划").getRow(1).getCell(9))).isEqualTo("80.0%");
            assertThat(f.formatCellValue(book.getSheet("代表提问").getRow(1).getCell(2))).isEqualTo("集镇污水管网何时完工？");
            assertThat(f.formatCellValue(book.getSheet("统计").getRow(3).getCell(0))).isEqualTo("应述职人数");
            assertThat(f.formatCellValue(book.getSheet("统计").getRow(3).getCell(1))).isEqualTo("4");
            assertThat(f.formatCellValue(book.getSheet("统计").getRow(5).getCell(1))).isEqualTo("3");
        }

        // Every change is audited; another town sees nothing of it.
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'official_report' and entity_id = ?"
                + " order by seq").param(String.valueOf(mayor.id())).query(String.class).list())
                .containsExactly("CREATED", "REPORTED", "QUESTION_ASKED", "QUESTION_ANSWERED", "VOTED");
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'official_report_plan' and entity_id = ?"
                + " order by seq").param(String.valueOf(planId)).query(String.class).list())
                .containsExactly("CREATED", "SITTING_ADDED", "VOTE_CREATED");
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.plan(planId))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.createVote(sitting, OfficialReportDesk.VoteForm.standard())))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/supervision/official-reports/" + planId).with(Logins.as(accounts, "shiqiao.staff")))
                .andExpect(status().isNotFound());
        assertThat(as("shiqiao.staff", () -> desk.plans())).noneMatch(p -> p.id() == planId);
    }

    @Test
    void theCountyFiguresSumItsTownsAsSeed001Counts22OfficialsReported() {
        int term = TERM.incrementAndGet();
        // five towns of the county, 22 officials reported in all (seed 001), 3 more still due
        Map<String, int[]> towns = Map.of("QH-AL", new int[] {6, 6}, "QH-SQ", new int[] {5, 4}, "QH-LX", new int[] {5, 5},
                "QH-QS", new int[] {5, 4}, "QH-BS", new int[] {4, 3});
        for (var t : towns.entrySet()) {
            long town = org(t.getKey());
            as("county.staff", () -> {
                PlanView p = desk.createPlan(new OfficialReportDesk.NewPlan(town, term, "第" + term + "届述职评议"));
                p = desk.addSitting(p.id(), new OfficialReportDesk.SittingForm(LocalDate.now().minusDays(30), "人代会"));
                long sitting = p.sittings().get(0).id();
                for (int i = 0; i < t.getValue()[0]; i++) {
                    p = desk.addOfficial(p.id(), new OfficialReportDesk.OfficialForm("官员" + i, i == 0 ? "镇长" : "副镇长",
                            i < t.getValue()[1] ? sitting : null));
                }
                for (OfficialView o : p.officials().subList(0, t.getValue()[1])) {
                    desk.report(o.id(), new OfficialReportDesk.ReportForm(LocalDate.now().minusDays(30), null, o.version()));
                }
                return p;
            });
        }
        TermFigures county = as("county.staff", () -> desk.termFigures(org("QH"), term));
        assertThat(county.total()).isEqualTo(new Figures(25, 22, 22, 0));
        assertThat(county.total().remaining()).isEqualTo(3);
        assertThat(county.rows()).hasSize(5);
        assertThat(county.rows()).filteredOn(r -> r.orgName().equals("安澜镇")).singleElement()
                .satisfies(r -> assertThat(r.figures()).isEqualTo(new Figures(6, 6, 6, 0)));
        // a town's staff sees only their own town in the same figures; another town's id answers 404
        TermFigures own = as("anlan.staff", () -> desk.termFigures(org("QH-AL"), term));
        assertThat(own.total()).isEqualTo(new Figures(6, 6, 6, 0));
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.termFigures(org("QH-SQ"), term)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.termFigures(org("QH"), term)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDemoCountysEighteenthTermHasAnlanHalfwayAndShiqiaoStarted() throws Exception {
        TermFigures county = as("county.staff", () -> desk.termFigures(org("QH"), 18));
        assertThat(county.rows()).extracting(r -> r.orgName() + ":" + r.figures().due() + "/" + r.figures().reported()
                + "/" + r.figures().voted()).containsExactly("安澜镇:6/4/2", "石桥镇:2/1/0");
        String page = mvc.perform(get("/supervision/official-reports/figures").param("orgId", String.valueOf(org("QH")))
                .param("termNo", "18").with(Logins.as(accounts, "county.staff"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("应述职 8 人，已述职 5 人，已测评 2 人");
    }
}
