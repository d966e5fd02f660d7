package org.renda.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** An assessment from the scheme to the final result, through the pages, as the office, the presidium and evaluators do it. */
@RendaIntegrationTest
class AssessmentFlowTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired SchemeBook schemes;
    @Autowired AssessmentDesk desk;
    @Autowired StubSatisfaction votes;

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

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

    private String status(long schemeId) {
        return jdbc.sql("select status from assessment_scheme where id = ?").param(schemeId).query(String.class)
                .single();
    }

    /** An approved village scheme of 安澜镇 with an annual period, set up as the system. */
    private long annualPeriod(String name) {
        return SystemContext.call(() -> {
            long scheme = schemes.draftFromTemplate(org("QH-AL"), SchemeTemplates.VILLAGES, name, 2031);
            schemes.approve(scheme);
            return desk.openPeriod(scheme, PeriodKind.ANNUAL, name + "年度考核", LocalDate.of(2031, 1, 1),
                    LocalDate.of(2031, 12, 31));
        });
    }

    private SubjectView subject(long period, String name) {
        return SystemContext.call(() -> desk.subjects(period)).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private long sheet(long period, String subjectName) {
        return SystemContext.call(() -> desk.sheets(period)).stream()
                .filter(s -> s.subjectName().equals(subjectName)).map(SheetSummary::id).findFirst().orElseThrow();
    }

    private int version(long sheet) {
        return jdbc.sql("select version from assessment_sheet where id = ?").param(sheet).query(Integer.class).single();
    }

    private MvcResult score(String who, long sheet, boolean submit, String... pointsAndNotes) throws Exception {
        String[] params = new String[pointsAndNotes.length + 4];
        params[0] = "version";
        params[1] = String.valueOf(version(sheet));
        params[2] = "submit";
        params[3] = String.valueOf(submit);
        for (int i = 0; i < pointsAndNotes.length; i++) {
            // the sheet's fields are points[S1] and notes[S1]
            params[i + 4] = i % 2 == 1 ? pointsAndNotes[i] : pointsAndNotes[i].replaceFirst("^points_(.+)$", "points[$1]")
                    .replaceFirst("^note_(.+)$", "notes[$1]");
        }
        return post(who, "/assessments/sheets/" + sheet, params);
    }

    /** The errors a re-rendered form shows, above it and beside its fields. */
    private static String errors(MvcResult page) throws Exception {
        return org.jsoup.Jsoup.parse(page.getResponse().getContentAsString())
                .select("form .alert-danger, .invalid-feedback, #sheet-refusal").text();
    }

    @Test
    void aSchemeIsDraftedPutOutForCommentsApprovedFrozenAndRevisedAsANewVersion() throws Exception {
        MvcResult drafted = post("anlan.staff", "/assessments/schemes", "orgId", String.valueOf(org("QH-AL")),
                "template", "VILLAGES", "name", "方案生命周期测试", "forYear", "2032");
        long id = Long.parseLong(drafted.getResponse().getRedirectedUrl().replace("/assessments/schemes/", ""));
        assertThat(status(id)).isEqualTo("DRAFT");
        post("anlan.staff", "/assessments/schemes/" + id + "/indicator", "version", "0", "code", "S2", "name",
                "联络站反映问题的解决", "maxPoints", "12");
        assertThat(jdbc.sql("select definition from assessment_scheme where id = ?").param(id).query(String.class)
                .single()).contains("联络站反映问题的解决");

        post("anlan.staff", "/assessments/schemes/" + id + "/comments-open");
        assertThat(status(id)).isEqualTo("COMMENTING");
        // 李春华 (a deputy of 安澜镇) finds the draft on her assessments page, reads it and comments
        assertThat(page("deputy.li", "/assessments").getResponse().getContentAsString()).contains("方案生命周期测试");
        assertThat(page("deputy.li", "/assessments/schemes/" + id).getResponse().getStatus()).isEqualTo(200);
        assertThat(page("shiqiao.staff", "/assessments/schemes/" + id).getResponse().getStatus()).isEqualTo(404);
        MvcResult comment = post("deputy.li", "/assessments/schemes/" + id + "/comments", "body", "建议增加村务公开指标");
        assertThat(comment.getFlashMap().get("success")).isEqualTo("意见已提交");
        assertThat(page("anlan.staff", "/assessments/schemes/" + id).getResponse().getContentAsString())
                .contains("建议增加村务公开指标", "李春华");

        assertThat(post("anlan.staff", "/assessments/schemes/" + id + "/approve").getResponse().getStatus())
                .as("staff cannot approve: the presidium decides").isEqualTo(404);
        post("anlan.chair", "/assessments/schemes/" + id + "/approve");
        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(page("deputy.li", "/assessments/schemes/" + id).getResponse().getStatus())
                .as("no longer out for comment").isEqualTo(404);
        MvcResult edit = post("anlan.staff", "/assessments/schemes/" + id + "/indicator", "version", "3", "code",
                "S2", "name", "改名", "maxPoints", "10");
        assertThat(edit.getFlashMap().get("failure")).isEqualTo("方案已审定，不能再修改；请生成新版本");

        MvcResult opened = post("anlan.staff", "/assessments/schemes/" + id + "/periods", "kind", "ANNUAL", "name",
                "2032年度综合考核", "startsOn", "2032-01-01", "endsOn", "2032-12-31");
        long period = Long.parseLong(opened.getResponse().getRedirectedUrl().replace("/assessments/periods/", ""));
        assertThat(status(id)).isEqualTo("FROZEN");
        // 13 villages and 1 community (and any village other tests added to the shared demo county)
        assertThat(SystemContext.call(() -> desk.subjects(period))).extracting(SubjectView::name)
                .hasSizeGreaterThanOrEqualTo(14).contains("东湖村", "大坪村", "安澜社区");

        MvcResult versioned = post("anlan.staff", "/assessments/schemes/" + id + "/versions");
        long copy = Long.parseLong(versioned.getResponse().getRedirectedUrl().replace("/assessments/schemes/", ""));
        assertThat(status(copy)).isEqualTo("DRAFT");
        assertThat(jdbc.sql("select version_no from assessment_scheme where id = ?").param(copy).query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'assessment_scheme' and entity_id = ?")
                .param(String.valueOf(id)).query(Integer.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void evaluatorsScoreTheVetoKeepsTheBestOutOfFirstPlaceAndTheSubjectSeesWhyAndAppeals() throws Exception {
        long period = annualPeriod("流程测试" + System.nanoTime() % 100_000);
        List<Long> three = List.of(subject(period, "东湖村").id(), subject(period, "西岭村").id(),
                subject(period, "南塘村").id());
        SystemContext.run(() -> desk.createGroup(period, new AssessmentDesk.GroupForm("测试考核组", null,
                user("eval.wang"), List.of("S1", "S2", "B1", "B2", "B3"), three, List.of(user("deputy.li")))));
        long donghu = sheet(period, "东湖村");
        long xiling = sheet(period, "西岭村");
        long nantang = sheet(period, "南塘村");

        // 李春华 lives in 西岭村: she may not score it
        MvcResult refused = score("deputy.li", xiling, true, "points_S1", "18");
        assertThat(errors(refused)).contains("您是“西岭村”的代表，按回避规定不能为本村（居）评分");
        // out of range: refused, the typed value is kept on the page
        MvcResult range = score("eval.wang", donghu, true, "points_S1", "25");
        assertThat(errors(range)).isEqualTo("“人大督办民生实事落实”的得分应在 0 到 20 分之间");
        assertThat(range.getResponse().getContentAsString()).contains("value=\"25\"");
        // low without a reason: refused
        MvcResult low = score("eval.wang", donghu, true, "points_S1", "5", "points_S2", "9", "points_B1", "38",
                "points_B2", "28", "points_B3", "28");
        assertThat(errors(low)).isEqualTo("“人大督办民生实事落实”得分偏低，请填写说明");
        assertThat(jdbc.sql("select count(*) from assessment_sheet_row where sheet_id = ?").param(donghu)
                .query(Integer.class).single()).isZero();

        score("eval.wang", donghu, true, "points_S1", "19", "points_S2", "9.5", "points_B1", "38", "points_B2", "28",
                "points_B3", "28");
        score("eval.wang", xiling, true, "points_S1", "16", "points_S2", "8", "points_B1", "34", "points_B2", "25",
                "points_B3", "25");
        score("deputy.li", nantang, false, "points_S1", "17");
        assertThat(post("anlan.staff", "/assessments/periods/" + period + "/close").getFlashMap().get("failure"))
                .asString().startsWith("还有 1 张评分表未提交");
        score("deputy.li", nantang, true, "points_S1", "17", "points_S2", "8", "points_B1", "36", "points_B2", "26",
                "points_B3", "26");

        // the presidium: 东湖村's supervised project failed for subjective reasons
        assertThat(post("anlan.staff", "/assessments/periods/" + period + "/decisions", "subjectId",
                String.valueOf(three.get(0)), "kind", "VETO", "reason", "x").getResponse().getStatus()).isEqualTo(404);
        post("anlan.chair", "/assessments/periods/" + period + "/decisions", "subjectId", String.valueOf(three.get(0)),
                "kind", "VETO", "reason", "通组道路督办事项因主观原因未如期完成", "evidence", "主席团会议纪要第 5 号");
        MvcResult closed = post("anlan.staff", "/assessments/periods/" + period + "/close");
        assertThat(closed.getFlashMap().get("success")).isEqualTo("考核期已结束，结果已计算");
        assertThat(jdbc.sql("select count(*) from notification where recipient_user_id = ? and dedupe_key = ?")
                .params(user("anlan.chair"), "assessment:period:" + period + ":closed:" + user("anlan.chair"))
                .query(Integer.class).single()).as("the chair is told to sign off").isPositive();
        assertThat(jdbc.sql("select count(*) from notification where recipient_user_id = ? and dedupe_key like ?")
                .params(user("deputy.li"), "assessment:group:%").query(Integer.class).single())
                .as("the group's members are told of their sheets").isPositive();

        // nobody measured the June and December satisfaction for this test year: the presidium accepts them as zero
        // for the three subjects scored, so they can be tiered; the other villages stay without a tier
        for (long subject : three) {
            post("anlan.chair", "/assessments/periods/" + period + "/excuses", "subjectId", String.valueOf(subject),
                    "indicators", "M1", "indicators", "M2", "reason", "本年度未开展半年测评，按零分计");
        }

        List<Result> results = SystemContext.call(() -> desk.results(period));
        int subjects = SystemContext.call(() -> desk.subjects(period)).size();
        assertThat(results).hasSize(subjects).hasSizeGreaterThanOrEqualTo(14);
        Result first = results.get(0);
        Result dh = results.stream().filter(r -> r.subjectName().equals("东湖村")).findFirst().orElseThrow();
        assertThat(first.subjectName()).isEqualTo("南塘村");
        assertThat(first.tierName()).isEqualTo("一等奖");
        assertThat(dh.vetoed()).isTrue();
        assertThat(dh.rank()).isEqualTo(4);
        assertThat(dh.tierName()).isEqualTo("二等奖");
        assertThat(dh.total()).isGreaterThan(first.total());
        // 人大监督 RD: (19 + 9.5 + S3) / 40 × 30; S3 counts the village deputies' verified receptions (4 + 1 each)
        assertThat(dh.sources()).containsKeys("人大监督", "部门业务", "群众满意");
        assertThat(dh.sources().get("部门业务")).isEqualByComparingTo("47.00");
        assertThat(dh.missing()).contains("群众对“两委”干部的满意度");

        // a liaison station's feedback item, verified: 南塘村's first prize becomes a second (recomputed at once)
        post("anlan.chair", "/assessments/periods/" + period + "/decisions", "subjectId", String.valueOf(three.get(2)),
                "kind", "DEMOTE", "tiers", "1", "reason", "联络站反馈：重点项目推进不力，经查证属实", "evidence", "联络站反馈第 17 条");
        Result nt = SystemContext.call(() -> desk.results(period)).get(0);
        assertThat(nt.subjectName()).isEqualTo("南塘村");
        assertThat(nt.tierName()).isEqualTo("二等奖");
        assertThat(nt.naturalTierName()).isEqualTo("一等奖");

        String ranking = page("anlan.staff", "/assessments/periods/" + period + "/results").getResponse()
                .getContentAsString();
        assertThat(ranking).contains("一票否决", "一等奖", "二等奖", "由“一等奖”下调");

        byte[] xlsx = page("anlan.staff", "/assessments/periods/" + period + "/results.xlsx").getResponse()
                .getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("考核对象");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("南塘村");
            assertThat(sheet.getLastRowNum()).isEqualTo(subjects);
        }
        byte[] sheets = page("anlan.staff", "/assessments/periods/" + period + "/sheets.xlsx").getResponse()
                .getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(sheets))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(15); // 3 sheets × 5 indicators
        }

        // not yet published: the village does not see it
        assertThat(page("deputy.zhao", "/assessments/subjects/" + three.get(0)).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(post("anlan.staff", "/assessments/periods/" + period + "/sign").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(post("anlan.chair", "/assessments/periods/" + period + "/sign").getResponse().getStatus())
                .as("the other villages are incomplete: not without the acknowledgement").isEqualTo(200);
        post("anlan.chair", "/assessments/periods/" + period + "/sign", "acknowledgeIncomplete", "true");
        post("anlan.staff", "/assessments/periods/" + period + "/publish");
        // 赵大山 of 东湖村 sees the result with the veto and its reason, and appeals
        String mine = page("deputy.zhao", "/assessments").getResponse().getContentAsString();
        assertThat(mine).contains("流程测试");
        String own = page("deputy.zhao", "/assessments/subjects/" + three.get(0)).getResponse().getContentAsString();
        assertThat(own).contains("一票否决", "通组道路督办事项因主观原因未如期完成", "主席团会议纪要第 5 号");
        assertThat(page("deputy.zhao", "/assessments/subjects/" + three.get(1)).getResponse().getStatus())
                .as("another village's result is not his").isEqualTo(404);
        MvcResult appeal = post("deputy.zhao", "/assessments/subjects/" + three.get(0) + "/appeals", "body",
                "督办事项延误系上级资金未到位，非村两委主观原因");
        assertThat(appeal.getFlashMap().get("success")).isEqualTo("申诉已提交");
        assertThat(post("anlan.staff", "/assessments/periods/" + period + "/finalise").getFlashMap().get("failure"))
                .asString().startsWith("申诉期至");
        long appealId = jdbc.sql("select id from assessment_appeal where period_id = ?").param(period)
                .query(Long.class).single();
        post("anlan.chair", "/assessments/appeals/" + appealId + "/answer", "periodId", String.valueOf(period),
                "answer", "经核实，资金已于 5 月到位，维持原决定", "upheld", "false");

        byte[] pdf = page("deputy.zhao", "/assessments/subjects/" + three.get(0) + "/notice.pdf").getResponse()
                .getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "assessment-notice.pdf"), pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("考核结果通知书", "东湖村", "一票否决", "通组道路督办事项");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type in ('assessment_decision',"
                + " 'assessment_appeal', 'assessment_sheet') and occurred_at > ?").param(java.time.OffsetDateTime.now()
                .minusHours(1)).query(Integer.class).single()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void anotherTownsStaffAndOutsidersSeeNothingOfThePeriod() throws Exception {
        long period = annualPeriod("范围测试" + System.nanoTime() % 100_000);
        SystemContext.run(() -> desk.createGroup(period, new AssessmentDesk.GroupForm("范围组", null, user("eval.wang"),
                List.of("S1"), List.of(subject(period, "东湖村").id()), List.of())));
        long sheet = sheet(period, "东湖村");
        for (String url : List.of("/assessments/periods/" + period, "/assessments/periods/" + period + "/results",
                "/assessments/periods/" + period + "/results.xlsx", "/assessments/sheets/" + sheet,
                "/assessments/subjects/" + subject(period, "东湖村").id())) {
            assertThat(page("shiqiao.staff", url).getResponse().getStatus()).as(url).isEqualTo(404);
            assertThat(page("unit.jiaotong", url).getResponse().getStatus()).as(url).isEqualTo(404);
        }
        assertThat(post("shiqiao.staff", "/assessments/periods/" + period + "/close").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(score("shiqiao.staff", sheet, true, "points_S1", "10").getResponse().getStatus()).isEqualTo(404);
        assertThat(page("shiqiao.staff", "/assessments").getResponse().getContentAsString())
                .doesNotContain("范围测试");
        assertThat(page("county.staff", "/assessments/periods/" + period).getResponse().getStatus()).isEqualTo(200);
        // a declared conflict of interest stops the evaluator
        post("anlan.staff", "/assessments/periods/" + period + "/conflicts", "subjectId",
                String.valueOf(subject(period, "东湖村").id()), "userId", String.valueOf(user("eval.wang")), "reason",
                "系该村党支部书记的近亲属");
        assertThat(errors(score("eval.wang", sheet, true, "points_S1", "10")))
                .contains("您已登记与“东湖村”存在利害关系，按回避规定不能评分");
        assertThat(page("anlan.staff", "/assessments").getResponse().getContentAsString()).contains("范围测试");
        assertThat(mvc.perform(get("/api/v1/assessments/periods/" + period + "/results")
                .with(Logins.as(accounts, "shiqiao.staff"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void deputiesAreScoredFromTheirVerifiedDutyRecordsAndTheVoteSourceAndTheWeakestAreSuggested() throws Exception {
        int year = LocalDate.now().getYear();
        MvcResult drafted = post("anlan.staff", "/assessments/schemes", "orgId", String.valueOf(org("QH-AL")),
                "template", "DEPUTIES", "name", "代表履职考评测试", "forYear", String.valueOf(year + 7));
        long scheme = Long.parseLong(drafted.getResponse().getRedirectedUrl().replace("/assessments/schemes/", ""));
        post("anlan.chair", "/assessments/schemes/" + scheme + "/approve");
        MvcResult opened = post("anlan.staff", "/assessments/schemes/" + scheme + "/periods", "kind", "ANNUAL", "name",
                "代表年度履职考评测试", "startsOn", year + "-01-01", "endsOn", year + "-12-31");
        long period = Long.parseLong(opened.getResponse().getRedirectedUrl().replace("/assessments/periods/", ""));
        List<SubjectView> subjects = SystemContext.call(() -> desk.subjects(period));
        assertThat(subjects).hasSizeGreaterThanOrEqualTo(42); // 安澜镇's deputies in office
        SubjectView li = subjects.stream().filter(s -> s.name().equals("李春华")).findFirst().orElseThrow();
        votes.rates.put("deputy.voters/" + li.ref(), new BigDecimal("0.95"));
        try {
            post("anlan.staff", "/assessments/periods/" + period + "/close");
        } finally {
            votes.rates.clear();
        }
        List<Result> results = SystemContext.call(() -> desk.results(period));
        Result r = results.stream().filter(x -> x.subjectName().equals("李春华")).findFirst().orElseThrow();
        int receptions = jdbc.sql("""
                select count(*) from duty_record where deputy_id = ? and type = 'RECEPTION' and status = 'VERIFIED'
                  and occurred_on between ? and ?""").params(li.ref(), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)).query(Integer.class).single();
        assertThat(r.indicators().get("接待选民"))
                .isEqualByComparingTo(BigDecimal.valueOf(Math.min(10, 2 * receptions)));
        assertThat(r.indicators().get("选民满意度")).isEqualByComparingTo("19.00");
        assertThat(r.missing()).contains("主席团综合评价").doesNotContain("选民满意度");
        Result other = results.stream().filter(x -> !x.subjectName().equals("李春华")).findFirst().orElseThrow();
        assertThat(other.missing()).contains("选民满意度");
        assertThat(SystemContext.call(() -> desk.weakestDeputies(period, 3))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(page("anlan.staff", "/assessments/periods/" + period + "/results").getResponse()
                .getContentAsString()).contains("履职较弱的代表");
    }

    private String tokenOf(String user) throws Exception {
        MvcResult r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/account/tokens").with(Logins.as(accounts, user)).with(csrf())
                .param("name", "考核接口测试").param("days", "30")).andReturn();
        return (String) r.getFlashMap().get("newToken");
    }

    @Test
    void anEvaluatorSubmitsASheetOverTheApiAndErrorsAreProblemDetails() throws Exception {
        long period = annualPeriod("接口测试" + System.nanoTime() % 100_000);
        SystemContext.run(() -> desk.createGroup(period, new AssessmentDesk.GroupForm("接口组", null, user("eval.wang"),
                List.of("S1", "S2"), List.of(subject(period, "北坪村").id()), List.of())));
        long sheet = sheet(period, "北坪村");
        String token = tokenOf("eval.wang");
        var put = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/v1/assessments/sheets/" + sheet).header("Authorization", "Bearer " + token)
                .contentType("application/json");

        var tooHigh = mvc.perform(put.content("{\"version\": 0, \"submit\": true, \"rows\": {\"S1\": {\"points\": 21},"
                + " \"S2\": {\"points\": 8}}}")).andReturn().getResponse();
        assertThat(tooHigh.getStatus()).isEqualTo(422);
        assertThat(tooHigh.getContentType()).startsWith("application/problem+json");
        assertThat(tooHigh.getContentAsString()).contains("的得分应在 0 到 20 分之间");

        var ok = mvc.perform(put.content("{\"version\": 0, \"submit\": true, \"rows\": {\"S1\": {\"points\": 17.5},"
                + " \"S2\": {\"points\": 8, \"note\": \"联络站反馈 3 条均已解决\"}}}")).andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsString()).contains("\"status\":\"SUBMITTED\"", "17.50");
        var mine = mvc.perform(get("/api/v1/assessments/sheets").header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(mine.getContentAsString()).contains("接口组");
        // a draft's definition over the API: read, change a maximum, write back; an approved one is refused
        long draft = SystemContext.call(() -> schemes.draftFromTemplate(org("QH-AL"), SchemeTemplates.TOWNS,
                "接口方案", 2033));
        String staff = tokenOf("anlan.staff");
        String detail = mvc.perform(get("/api/v1/assessments/schemes/" + draft).header("Authorization",
                "Bearer " + staff)).andReturn().getResponse().getContentAsString();
        var json = AssessmentStore.JSON.readTree(detail);
        var definition = (tools.jackson.databind.node.ObjectNode) json.get("definition");
        ((tools.jackson.databind.node.ObjectNode) definition.get("indicators").get(0)).put("maxPoints", 12);
        String body = "{\"version\": " + json.get("version").asInt() + ", \"name\": \"接口方案（修改）\", \"definition\": "
                + definition + "}";
        var updated = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/assessments/schemes/" + draft).header("Authorization", "Bearer " + staff)
                .contentType("application/json").content(body)).andReturn().getResponse();
        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(updated.getContentAsString()).contains("接口方案（修改）", "\"maxPoints\":12");
        SystemContext.run(() -> schemes.approve(draft));
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/assessments/schemes/" + draft).header("Authorization", "Bearer " + staff)
                .contentType("application/json").content(body.replace("\"version\": " + json.get("version").asInt(),
                        "\"version\": 2"))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("方案已审定");

        SystemContext.run(() -> desk.close(period, false));
        var results = mvc.perform(get("/api/v1/assessments/periods/" + period + "/results")
                .header("Authorization", "Bearer " + tokenOf("anlan.staff"))).andReturn().getResponse();
        assertThat(results.getStatus()).isEqualTo(200);
        assertThat(results.getContentAsString()).contains("北坪村", "\"rank\":1", "人大监督");
    }
}
