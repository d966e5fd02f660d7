package org.renda.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The pages, exports and API over the demo county's appraisal, for staff, the unit, other towns and the public. */
@RendaIntegrationTest
class AppraisalPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired VoteDesk votes;
    @Autowired AppraisalDesk desk;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;

    private VoteSummary demoClosed() {
        return As.user(accounts, "county.staff", () -> votes.list(null)).stream()
                .filter(v -> v.title().equals("2026年度政府工作部门满意度测评")).findFirst().orElseThrow();
    }

    private long demoCampaign() {
        return demoClosed().campaignId();
    }

    private String page(String who, String path) throws Exception {
        return mvc.perform(get(path).with(Logins.as(accounts, who))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void staffSeeTheDemoCampaignItsVoteResultsAndTheRectificationOfTheLowestUnit() throws Exception {
        assertThat(page("county.staff", "/appraisals")).contains("清河县人大常委会2026年度政府工作部门工作评议");
        String campaign = page("county.staff", "/appraisals/" + demoCampaign());
        assertThat(campaign).contains("评议对象（27）", "交通运输局", "第一评议调研组", "陈立群（常委会副主任）");
        String vote = page("county.staff", "/appraisals/votes/" + demoClosed().id());
        assertThat(vote).contains("已结束", "测评结果", "农业农村局", "须整改", "核对无误", "电 ");
        String ledger = page("county.staff", "/appraisals/" + demoCampaign() + "/ledger");
        assertThat(ledger).contains("农业农村局", "满意度测评满意率 46.67%，低于 80%");
        long transport = As.user(accounts, "county.staff", () -> desk.campaign(demoCampaign())).subjects().stream()
                .filter(s -> s.title().equals("交通运输局")).findFirst().orElseThrow().id();
        assertThat(page("county.staff", "/appraisals/subjects/" + transport))
                .contains("国道 G320 清河段改线工程", "听取工作汇报", "服务对象", "评议调研报告", "关于交通运输局2026年度工作的评议调研报告");
        assertThat(page("county.director", "/appraisals/votes/" + demoClosed().id())).contains("测评结果")
                .doesNotContain("vote-close");
    }

    @Test
    void theReportPdfTheSpreadsheetsAndTheExportAreRealFiles() throws Exception {
        long id = demoClosed().id();
        byte[] pdf = mvc.perform(get("/appraisals/votes/" + id + "/report.pdf").with(Logins.as(accounts, "county.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "appraisal-report.pdf"), pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("2026年度政府工作部门满意度测评结果报告", "报送：中共清河县委员会", "农业农村局（须整改）",
                    "46.67%", "SHA-256");
        }
        byte[] xlsx = mvc.perform(get("/appraisals/votes/" + id + "/results.xlsx").with(Logins.as(accounts, "county.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var rows = org.renda.shared.excel.Xlsx.read(new java.io.ByteArrayInputStream(xlsx), List.of("名次", "被评议单位"));
        assertThat(rows).hasSize(27);
        byte[] ledger = mvc.perform(get("/appraisals/" + demoCampaign() + "/ledger.xlsx").with(Logins.as(accounts, "county.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(org.renda.shared.excel.Xlsx.read(new java.io.ByteArrayInputStream(ledger), List.of("被评议单位", "存在问题")))
                .anySatisfy(r -> assertThat(r.toString()).contains("农业农村局"));
        long transport = As.user(accounts, "county.staff", () -> desk.campaign(demoCampaign())).subjects().stream()
                .filter(s -> s.title().equals("交通运输局")).findFirst().orElseThrow().id();
        byte[] sheet = mvc.perform(get("/appraisals/subjects/" + transport + "/questionnaires.pdf")
                .with(Logins.as(accounts, "county.staff"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "appraisal-questionnaires.pdf"), sheet);
        try (var doc = Loader.loadPDF(sheet)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("交通运输局工作评议 征求意见问卷", "服务对象",
                    "纪律和行风监督部门", "/public/questionnaires/");
        }
        String csv = mvc.perform(get("/appraisals/votes/" + id + "/export.csv").with(Logins.as(accounts, "county.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.startsWith("ballot,"))).hasSize(28);
    }

    @Test
    void codeSlipsArePrintedOnceAsAPdfWithTheVotingPageAndOnlyTheirHashesAreKept() throws Exception {
        VoteSummary open = As.user(accounts, "county.staff", () -> votes.list(null)).stream()
                .filter(x -> x.title().contains("述职评议")).findFirst().orElseThrow();
        int before = As.user(accounts, "county.staff", () -> votes.detail(open.id())).invariants().credentials();
        byte[] pdf = mvc.perform(post("/appraisals/votes/" + open.id() + "/codes").param("count", "23").with(csrf())
                .with(Logins.as(accounts, "county.staff"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "appraisal-slips.pdf"), pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            var codes = java.util.regex.Pattern.compile("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}").matcher(text).results()
                    .map(java.util.regex.MatchResult::group).toList();
            assertThat(codes).hasSize(23).doesNotHaveDuplicates();
            assertThat(text).contains("满意度测评投票码（一次有效）");
            for (String c : codes) {
                String plain = c.replace("-", "");
                assertThat(jdbc.sql("select count(*) from vote_credential where code_hash = ? or code_hash = ?")
                        .params(plain, c).query(Integer.class).single()).isZero();
                assertThat(jdbc.sql("select count(*) from vote_credential where code_hash = ?")
                        .param(BallotBox.hash(open.id(), plain)).query(Integer.class).single()).isEqualTo(1);
            }
        }
        assertThat(As.user(accounts, "county.staff", () -> votes.detail(open.id())).invariants().credentials())
                .isEqualTo(before + 23);
    }

    @Test
    void thePublicSeesPublishedResultsAndRecountsThemFromTheExport() throws Exception {
        VoteSummary v = demoClosed();
        String index = mvc.perform(get("/public/appraisals")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("2026年度政府工作部门满意度测评");
        String results = mvc.perform(get("/public/appraisals/" + v.publicCode())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(results).contains("交通运输局", "46.67%");
        byte[] csv = mvc.perform(get("/public/appraisals/" + v.publicCode() + "/export.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String sig = mvc.perform(get("/public/appraisals/" + v.publicCode() + "/signature.txt")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String signature = sig.lines().filter(l -> l.startsWith("signature=")).findFirst().orElseThrow().substring(10);
        String key = sig.lines().filter(l -> l.startsWith("publicKey=")).findFirst().orElseThrow().substring(10);
        String verified = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/public/appraisals/verify")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.csv", "text/csv", csv))
                        .param("signature", signature).param("publicKey", key).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(verified).contains("结果与公布结果一致", "签名有效");
        // Over the API as well; and a tampered export fails.
        String tampered = new String(csv, StandardCharsets.UTF_8).replaceFirst(",UNSATISFIED", ",SATISFIED");
        String body = "{\"export\":" + json(tampered) + ",\"signature\":\"" + signature + "\",\"publicKey\":\"" + key + "\"}";
        String api = mvc.perform(post("/api/v1/public/votes/verify").contentType("application/json").content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("\"signatureValid\":false");
        // An unpublished vote is not public.
        VoteSummary open = As.user(accounts, "county.staff", () -> votes.list(null)).stream()
                .filter(x -> x.title().contains("述职评议")).findFirst().orElseThrow();
        mvc.perform(get("/public/appraisals/" + open.publicCode())).andExpect(status().isNotFound());
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void aDeputyVotesWithADemoCodeOnThePublicPageAndTheApiRefusesItsReplay() throws Exception {
        VoteSummary open = As.user(accounts, "county.staff", () -> votes.list(null)).stream()
                .filter(x -> x.title().contains("述职评议")).findFirst().orElseThrow();
        String page = mvc.perform(get("/public/votes/" + open.publicCode())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("县交通运输局局长 孙海涛", "称职", "基本称职", "不称职");
        var subjects = As.user(accounts, "county.staff", () -> votes.detail(open.id())).subjects();
        String code = "QHXPA-2345" + "ABCDEF".charAt((int) (System.nanoTime() % 6));
        // Incomplete: the page answers with the message and keeps the choices.
        var partial = post("/public/votes/" + open.publicCode()).with(csrf()).param("code", code)
                .param("s" + subjects.get(0).id(), "COMPETENT");
        String again = mvc.perform(partial).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("请对每个测评对象选择一个等次").contains("value=\"" + code + "\"");
        var full = post("/public/votes/" + open.publicCode()).with(csrf()).param("code", code);
        StringBuilder json = new StringBuilder("{");
        for (var s : subjects) {
            full.param("s" + s.id(), "BASIC");
            json.append(json.length() > 1 ? "," : "").append('"').append(s.id()).append("\":\"BASIC\"");
        }
        json.append('}');
        MvcResult r = mvc.perform(full).andReturn();
        if (r.getResponse().getStatus() == 302) {
            assertThat(r.getResponse().getRedirectedUrl()).endsWith("/done");
        } else {
            // The code was used by an earlier run against the same database (PostgreSQL keeps the demo).
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("投票码无效或已使用");
        }
        mvc.perform(post("/api/v1/public/votes/" + open.publicCode() + "/ballots").contentType("application/json")
                        .content("{\"code\":\"" + code + "\",\"choices\":" + json + "}"))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/public/votes/" + open.publicCode())).andExpect(status().isOk());
    }

    @Test
    void theUnitAnswersForItsOwnBoardOnlyAndOtherTownsSeeNothing() throws Exception {
        long campaign = demoCampaign();
        String unitView = page("unit.jiaotong", "/appraisals/" + campaign);
        assertThat(unitView).contains("交通运输局").doesNotContain("教育局");
        long education = As.user(accounts, "county.staff", () -> desk.campaign(campaign)).subjects().stream()
                .filter(s -> s.title().equals("教育局")).findFirst().orElseThrow().id();
        mvc.perform(get("/appraisals/subjects/" + education).with(Logins.as(accounts, "unit.jiaotong")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/appraisals/" + campaign).with(Logins.as(accounts, "shiqiao.staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/appraisals/votes/" + demoClosed().id()).with(Logins.as(accounts, "anlan.staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/appraisals/votes/" + demoClosed().id() + "/export.csv").with(Logins.as(accounts, "unit.jiaotong")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/appraisals/votes/" + demoClosed().id() + "/publish").param("on", "false").with(csrf())
                .with(Logins.as(accounts, "county.staff"))).andExpect(status().isNotFound());
        mvc.perform(post("/appraisals/votes/" + demoClosed().id() + "/publish").param("on", "false").with(csrf())
                .with(Logins.as(accounts, "anlan.chair"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/votes/" + demoClosed().id()).with(Logins.as(accounts, "shiqiao.staff")))
                .andExpect(status().isNotFound());
    }

    @Test
    void everyPageHasEveryLabelInChineseAndEnglish() throws Exception {
        long campaign = demoCampaign();
        long subject = As.user(accounts, "county.staff", () -> desk.campaign(campaign)).subjects().get(10).id();
        VoteSummary closed = demoClosed();
        VoteSummary open = As.user(accounts, "county.staff", () -> votes.list(null)).stream()
                .filter(x -> x.title().contains("述职评议")).findFirst().orElseThrow();
        var q = As.user(accounts, "county.staff", () -> desk.subject(subject)).questionnaires().get(0);
        List<String> staffPages = List.of("/appraisals", "/appraisals/" + campaign, "/appraisals/subjects/" + subject,
                "/appraisals/" + campaign + "/ledger", "/appraisals/votes/" + closed.id(), "/appraisals/votes/" + open.id());
        List<String> publicPages = List.of("/public/votes/" + open.publicCode(), "/public/votes/" + closed.publicCode(),
                "/public/appraisals", "/public/appraisals/" + closed.publicCode(), "/public/appraisals/verify",
                "/public/questionnaires/" + q.publicCode());
        for (String lang : List.of("zh-CN", "en")) {
            for (String path : staffPages) {
                String html = mvc.perform(get(path).param("lang", lang).with(Logins.as(accounts, "county.staff")))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(path + " " + lang).doesNotContain("??");
            }
            for (String path : publicPages) {
                String html = mvc.perform(get(path).param("lang", lang)).andExpect(status().isOk()).andReturn()
                        .getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(path + " " + lang).doesNotContain("??");
            }
        }
        String counts = page("county.staff", "/appraisals/votes/" + open.id() + "/invariants");
        assertThat(counts).contains("id=\"invariants\"", "hx-trigger=\"every 5s\"", "inv-ballots")
                .doesNotContain("results-table", "<html");
        String en = mvc.perform(get("/appraisals/votes/" + closed.id()).param("lang", "en")
                .with(Logins.as(accounts, "county.staff"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Results", "Must rectify");
    }

    @Test
    void badInputAnswersAChineseMessageAndLosesNothing() throws Exception {
        long county = orgs.findByCode("QH").orElseThrow().id();
        MvcResult blank = mvc.perform(post("/appraisals").with(csrf()).with(Logins.as(accounts, "county.staff"))
                .param("orgId", String.valueOf(county)).param("forYear", "2026").param("title", "  ")
                .param("kind", "UNITS").param("thresholdPercent", "70")).andReturn();
        assertThat(blank.getFlashMap().get("failure")).isEqualTo("请填写名称（200 字以内）");
        MvcResult threshold = mvc.perform(post("/appraisals").with(csrf()).with(Logins.as(accounts, "county.staff"))
                .param("orgId", String.valueOf(county)).param("forYear", "2026").param("title", "阈值错误")
                .param("kind", "UNITS").param("thresholdPercent", "170")).andReturn();
        assertThat(threshold.getFlashMap().get("failure")).isEqualTo("整改线应在 0% 到 100% 之间");
        VoteSummary open = As.user(accounts, "county.staff", () -> votes.list(null)).stream()
                .filter(x -> x.title().contains("述职评议")).findFirst().orElseThrow();
        long subject = As.user(accounts, "county.staff", () -> votes.detail(open.id())).subjects().get(0).id();
        MvcResult paper = mvc.perform(post("/appraisals/votes/" + open.id() + "/paper").with(csrf())
                .with(Logins.as(accounts, "county.staff")).param("paperBallots", "1")
                .param("p_" + subject + "_COMPETENT", "两张")).andReturn();
        assertThat(paper.getFlashMap().get("failure")).isEqualTo("纸质选票数或计票数不正确");
        String empty = mvc.perform(post("/public/votes/" + open.publicCode()).with(csrf()).param("code", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("请对每个测评对象选择一个等次");
        mvc.perform(get("/public/votes/NOSUCHVOTE")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/public/votes/" + open.publicCode() + "/ballots").contentType("application/json")
                .content("{\"code\":\"\",\"choices\":{}}")).andExpect(status().isBadRequest());
    }

    @Test
    void aQuestionnaireIsAnsweredOnlineWithoutSignIn() throws Exception {
        long campaign = demoCampaign();
        long education = As.user(accounts, "county.staff", () -> desk.campaign(campaign)).subjects().stream()
                .filter(s -> s.title().equals("教育局")).findFirst().orElseThrow().id();
        var q = As.user(accounts, "county.staff", () -> desk.subject(education)).questionnaires().get(2);
        String form = mvc.perform(get("/public/questionnaires/" + q.publicCode())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("您对教育局工作的评价", "服务对象");
        String refused = mvc.perform(post("/public/questionnaires/" + q.publicCode()).with(csrf())
                .param("text", "没选等次")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var refusedPage = org.jsoup.Jsoup.parse(refused);
        assertThat(refusedPage.select("#opinion-error").text()).isEqualTo("请选择一个评价等次");
        assertThat(refusedPage.select("#q-text").text()).as("what was typed stays").isEqualTo("没选等次");
        var done = mvc.perform(post("/public/questionnaires/" + q.publicCode()).with(csrf()).param("opinion", "FAIRLY")
                .param("text", "希望增加学位")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(done.getFlashMap().get("success")).isEqualTo("感谢您的意见！");
        var after = As.user(accounts, "county.staff", () -> desk.subject(education)).questionnaires().get(2);
        assertThat(after.fairly()).isEqualTo(q.fairly() + 1);
        assertThat(after.online()).isEqualTo(q.online() + 1);
        assertThat(after.opinions()).contains("希望增加学位");
    }
}
