package org.renda.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.renda.assessment.AssessmentViews.Result;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.engine.PeriodKind;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 12 in the assessment pages: the presidium is warned of subjects with unscored indicators before it signs
 * off and must acknowledge them; they take no tier unless it excuses the missing indicators; a provisional ranking
 * for staff while scoring runs; scoring sheets that show each indicator's criteria and ask before submitting.
 */
@RendaIntegrationTest
class AssessmentSignOffTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired SchemeBook schemes;
    @Autowired AssessmentDesk desk;

    private long user(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
    }

    private MvcResult post(String who, String url, String... params) throws Exception {
        var req = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).with(csrf())
                .with(Logins.as(accounts, who));
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req).andReturn();
    }

    private MvcResult page(String who, String url) throws Exception {
        return mvc.perform(get(url).with(Logins.as(accounts, who))).andReturn();
    }

    /** 安澜镇's villages, an annual period, a group scoring 东湖村 and 南塘村 on S1..B3. */
    private long period(String name) {
        return SystemContext.call(() -> {
            long scheme = schemes.draftFromTemplate(orgs.findByCode("QH-AL").orElseThrow().id(),
                    SchemeTemplates.VILLAGES, name, 2035);
            schemes.approve(scheme);
            long p = desk.openPeriod(scheme, PeriodKind.ANNUAL, name, LocalDate.of(2035, 1, 1),
                    LocalDate.of(2035, 12, 31));
            List<Long> two = desk.subjects(p).stream().filter(s -> s.name().equals("东湖村") || s.name().equals("南塘村"))
                    .map(SubjectView::id).toList();
            desk.createGroup(p, new AssessmentDesk.GroupForm("签发测试组", null, user("eval.wang"),
                    List.of("S1", "S2", "B1", "B2", "B3"), two, List.of()));
            return p;
        });
    }

    private long sheet(long period, String subject) {
        return SystemContext.call(() -> desk.sheets(period)).stream().filter(s -> s.subjectName().equals(subject))
                .map(SheetSummary::id).findFirst().orElseThrow();
    }

    private MvcResult score(long sheet, String... points) throws Exception {
        int version = jdbc.sql("select version from assessment_sheet where id = ?").param(sheet).query(Integer.class)
                .single();
        String[] codes = {"S1", "S2", "B1", "B2", "B3"};
        String[] params = new String[4 + 2 * points.length];
        params[0] = "version";
        params[1] = String.valueOf(version);
        params[2] = "submit";
        params[3] = "true";
        for (int i = 0; i < points.length; i++) {
            params[4 + 2 * i] = "points[" + codes[i] + "]";
            params[5 + 2 * i] = points[i];
        }
        return post("eval.wang", "/assessments/sheets/" + sheet, params);
    }

    private long subject(long period, String name) {
        return SystemContext.call(() -> desk.subjects(period)).stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow().id();
    }

    private String status(long period) {
        return jdbc.sql("select status from assessment_period where id = ?").param(period).query(String.class).single();
    }

    @Test
    void signOffWithIncompleteSubjectsIsRefusedWithoutAcknowledgementAndIncompleteSubjectsTakeNoTier() throws Exception {
        long period = period("签发缺项测试" + System.nanoTime() % 100_000);
        score(sheet(period, "东湖村"), "18", "9", "37", "27", "28");
        score(sheet(period, "南塘村"), "19", "9.5", "38", "28", "28.5");
        post("anlan.staff", "/assessments/periods/" + period + "/close");
        // nobody measured the June/December satisfaction (M1, M2): every village is incomplete, none takes a tier
        List<Result> closed = SystemContext.call(() -> desk.results(period));
        assertThat(closed).allSatisfy(r -> assertThat(r.incomplete()).isTrue());
        assertThat(closed).allSatisfy(r -> assertThat(r.tierName()).isNull());

        Document results = Jsoup.parse(page("anlan.chair", "/assessments/periods/" + period + "/results")
                .getResponse().getContentAsString());
        assertThat(results.select("#incomplete .incomplete-subject[data-subject=东湖村] .missing").text())
                .isEqualTo("群众对“两委”干部的满意度、代表对村(居)工作的认可度");
        assertThat(results.select("#incomplete .incomplete-subject[data-subject=大坪村] .missing").text())
                .contains("人大督办民生实事落实", "农业农村和乡村振兴");
        assertThat(results.select("#sign-form").attr("data-renda-confirm")).contains("存在缺项");
        assertThat(results.select("#incomplete-rule").text()).contains("不评等次");

        MvcResult refused = post("anlan.chair", "/assessments/periods/" + period + "/sign");
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select("#acknowledgeIncomplete-error").text())
                .startsWith("还有 " + closed.size() + " 个考核对象存在未评分的指标");
        assertThat(status(period)).isEqualTo("CLOSED");

        // the presidium accepts 东湖村's and 南塘村's missing satisfaction as zero: they are tiered again
        for (String village : List.of("东湖村", "南塘村")) {
            post("anlan.chair", "/assessments/periods/" + period + "/excuses", "subjectId",
                    String.valueOf(subject(period, village)), "indicators", "M1", "indicators", "M2", "reason",
                    "本年度未开展半年测评，按零分计");
        }
        assertThat(post("anlan.chair", "/assessments/periods/" + period + "/excuses", "subjectId",
                String.valueOf(subject(period, "东湖村")), "indicators", "S1", "reason", "x").getResponse().getStatus())
                .as("a measured indicator cannot be excused").isEqualTo(200);
        List<Result> excused = SystemContext.call(() -> desk.results(period));
        assertThat(excused.get(0).subjectName()).isEqualTo("南塘村");
        assertThat(excused.get(0).tierName()).isEqualTo("一等奖");
        assertThat(excused.get(0).excused()).hasSize(2);
        assertThat(excused.get(1).tierName()).isEqualTo("一等奖");
        assertThat(excused.subList(2, excused.size())).allSatisfy(r -> assertThat(r.tierName()).isNull());

        post("anlan.chair", "/assessments/periods/" + period + "/sign", "acknowledgeIncomplete", "true");
        assertThat(status(period)).isEqualTo("SIGNED");
        assertThat(jdbc.sql("select after_state from audit_event where entity_type = 'assessment_period' and"
                + " entity_id = ? and action = 'SIGNED'").param(String.valueOf(period)).query(String.class).single())
                .contains("incompleteAcknowledged", "大坪村");
    }

    @Test
    void theProvisionalRankingIsForStaffAndThePresidiumNotForEvaluators() throws Exception {
        long period = period("暂定排名测试" + System.nanoTime() % 100_000);
        score(sheet(period, "南塘村"), "19", "9.5", "38", "28", "28.5");
        Document staff = Jsoup.parse(page("anlan.staff", "/assessments/periods/" + period + "/provisional")
                .getResponse().getContentAsString());
        assertThat(staff.select("#provisional-label").text()).isEqualTo("暂定 · 未审定");
        assertThat(staff.select(".provisional-row").first().attr("data-subject")).isEqualTo("南塘村");
        assertThat(staff.select(".provisional-row[data-subject=南塘村] .completion").text()).isEqualTo("1 / 1");
        assertThat(staff.select(".provisional-row[data-subject=东湖村] .completion").text()).isEqualTo("0 / 1");
        assertThat(page("anlan.chair", "/assessments/periods/" + period + "/provisional").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(page("eval.wang", "/assessments/periods/" + period + "/provisional").getResponse().getStatus())
                .as("an evaluator reads the period but not the provisional ranking").isEqualTo(404);
        assertThat(page("eval.wang", "/assessments/periods/" + period).getResponse().getContentAsString())
                .doesNotContain("provisional-link");
        assertThat(page("shiqiao.staff", "/assessments/periods/" + period + "/provisional").getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aScoringSheetShowsEachIndicatorsCriteriaARunningTotalAndAsksBeforeSubmitting() throws Exception {
        long period = period("评分标准测试" + System.nanoTime() % 100_000);
        Document sheet = Jsoup.parse(page("eval.wang", "/assessments/sheets/" + sheet(period, "东湖村")).getResponse()
                .getContentAsString());
        assertThat(sheet.select("#criteria_S1").text()).contains("评分标准（满分 20 分）", "每项未按期落实扣 4 分",
                "低于 12 分须写明扣分理由");
        assertThat(sheet.select("#criteria_B2").text()).contains("满分 30 分", "扣 3 至 10 分");
        assertThat(sheet.select("#sheet-submit").attr("data-renda-confirm")).contains("确定提交“东湖村”的评分吗");
        assertThat(sheet.select("#sheet-save").hasAttr("data-renda-confirm")).as("a draft is not irreversible").isFalse();
        assertThat(sheet.select("#sheet-total").attr("data-renda-sum")).isEqualTo("#sheet-form");
        assertThat(sheet.select("input[data-renda-points]")).hasSize(5);
        assertThat(sheet.select("script:not([src])")).isEmpty();
    }

    @Test
    void aRefusedFormShowsItsErrorsBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
        long period = period("字段错误测试" + System.nanoTime() % 100_000);
        MvcResult tooHigh = score(sheet(period, "东湖村"), "25", "9");
        Document sheet = Jsoup.parse(tooHigh.getResponse().getContentAsString());
        assertThat(sheet.select("#points_S1").hasClass("is-invalid")).isTrue();
        assertThat(sheet.select("#points_S1").val()).isEqualTo("25");
        assertThat(sheet.select("#points_S2").val()).isEqualTo("9");
        assertThat(sheet.select("[data-indicator=S1] .invalid-feedback").text())
                .isEqualTo("“人大督办民生实事落实”的得分应在 0 到 20 分之间");

        MvcResult decision = post("anlan.chair", "/assessments/periods/" + period + "/decisions", "subjectId",
                String.valueOf(subject(period, "东湖村")), "kind", "POINTS", "points", "abc", "reason", "");
        Document page = Jsoup.parse(decision.getResponse().getContentAsString());
        assertThat(decision.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.select("#decision-form #points-error").text()).isEqualTo("不是有效的数字");
        MvcResult blank = post("anlan.chair", "/assessments/periods/" + period + "/decisions", "subjectId",
                String.valueOf(subject(period, "东湖村")), "kind", "POINTS", "points", "5", "reason", " ");
        Document blankPage = Jsoup.parse(blank.getResponse().getContentAsString());
        assertThat(blankPage.select("#decision-form #reason-error").text()).isEqualTo("不能为空");
        assertThat(blankPage.select("#decision-form input[name=points]").val()).isEqualTo("5");
        assertThat(jdbc.sql("select count(*) from assessment_decision where period_id = ?").param(period)
                .query(Integer.class).single()).isZero();
    }
}
