package org.renda.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.assessment.AssessmentDesk;
import org.renda.assessment.SchemeBook;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a visitor sees of a congress without signing in, and what they never see: the town's site with its figures,
 * deputies, stations, supervision topics and resolutions; no deputy's phone or ID number on any page or in the open
 * data; an assessment only once the presiding officer put its final results on the portal, and not after withdrawal.
 */
@RendaIntegrationTest
class PortalPagesTest {

    static final List<String> PAGES = List.of("", "/deputies", "/stations", "/supervision", "/meetings", "/results");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired SchemeBook schemes;
    @Autowired AssessmentDesk desk;

    private MvcResult visit(String url) throws Exception {
        return mvc.perform(get(url)).andReturn();
    }

    private String page(String url) throws Exception {
        MvcResult r = visit(url);
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theVisitorsHomeListsEveryCongressAndLinksToItsSite() throws Exception {
        String home = page("/");
        assertThat(home).contains("清河县人大常委会", "href=\"/public/c/QH\"", "href=\"/public/c/QH-AL\"",
                "href=\"/public/c/QH-CG\"");
        String site = page("/public/c/QH-AL");
        assertThat(site).contains("安澜镇人大", "提交意见建议", "/public/opinions/new?org=QH-AL", "代表亮身份",
                "近期接待选民日", "open-data.csv");
        assertThat(page("/public/c/QH")).contains("清河县人大常委会");
    }

    @Test
    void everyPageOfATownsSiteShowsItsPublicRecords() throws Exception {
        assertThat(page("/public/c/QH-AL/deputies")).contains("李春华", "/public/deputies/", "履职");
        assertThat(page("/public/c/QH-AL/stations")).contains("接下来的接待选民日");
        assertThat(page("/public/c/QH-AL/supervision")).contains("城市路网水系工程（安澜段）", "老年养护院建设")
                .doesNotContain("茶山村安全饮水巩固提升"); // 柳溪镇's topic is on its own site
        assertThat(page("/public/c/QH-LX/supervision")).contains("茶山村安全饮水巩固提升");
        String meetings = page("/public/c/QH-AL/meetings");
        assertThat(meetings).contains("关于安澜镇人民政府工作报告的决议", "关于安澜镇本年财政预算的决定", "赞成 35", "反对 1",
                "全体代表 ").doesNotContain("灌溉渠道"); // a motion is not a resolution
        assertThat(page("/public/c/QH-AL/results")).contains("满意度测评结果公开", "考核结果公开");
    }

    @Test
    void aCodeWithoutASiteIsNotFound() throws Exception {
        String village = jdbc.sql("select code from organisation where type = 'VILLAGE' order by id limit 1")
                .query(String.class).single();
        for (String code : List.of("NOPE", village)) {
            for (String p : PAGES) {
                assertThat(visit("/public/c/" + code + p).getResponse().getStatus()).as(code + p).isEqualTo(404);
            }
            assertThat(visit("/public/c/" + code + "/open-data.json").getResponse().getStatus()).isEqualTo(404);
        }
    }

    @Test
    void noDeputysPhoneOrIdNumberAppearsOnAnyPageOrInTheOpenData() throws Exception {
        List<String> secrets = jdbc.sql("""
                select d.phone from deputy d join deputy_mandate m on m.deputy_id = d.id
                 join organisation o on o.id = m.congress_org_id where o.code = 'QH-AL' and d.phone is not null
                union select d.id_number from deputy d join deputy_mandate m on m.deputy_id = d.id
                 join organisation o on o.id = m.congress_org_id where o.code = 'QH-AL' and d.id_number is not null""")
                .query(String.class).list();
        assertThat(secrets).as("the demo's deputies have phones").isNotEmpty();
        List<String> urls = new java.util.ArrayList<>(PAGES.stream().map(p -> "/public/c/QH-AL" + p).toList());
        urls.add("/public/c/QH-AL/open-data.json");
        urls.add("/public/c/QH-AL/open-data.csv");
        urls.add("/public/c/QH/open-data.json");
        for (String url : urls) {
            String body = page(url);
            for (String secret : secrets) {
                assertThat(body).as(url).doesNotContain(secret);
                assertThat(body).as(url + " (last digits)").doesNotContain(secret.substring(secret.length() - 8));
            }
        }
    }

    @Test
    void theOpenDataCarriesTheSiteFiguresAsJsonAndAsACsvExcelReads() throws Exception {
        MvcResult json = visit("/public/c/QH-AL/open-data.json");
        assertThat(json.getResponse().getContentType()).startsWith("application/json");
        JsonNode d = JsonMapper.builder().build().readTree(json.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(d.get("congressName").asString()).isEqualTo("安澜镇人大");
        int deputies = d.get("figures").get("deputies").asInt();
        assertThat(deputies).isEqualTo(d.get("deputies").size()).isGreaterThan(30);
        assertThat(d.get("deputies").get(0).has("phone")).isFalse();
        // the demo's ninth session (other tests of this JVM may close later sessions of the town)
        JsonNode ninth = null;
        for (JsonNode s : d.get("sessions")) {
            if (s.toString().contains("第九次会议")) {
                ninth = s;
            }
        }
        assertThat(ninth).as("the demo's ninth session").isNotNull();
        assertThat(ninth.get("resolutions").get(0).get("votesFor").asInt()).isEqualTo(35);
        assertThat(d.get("figures").get("resolutionsAnnounced").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(d.get("computedAt").asString()).startsWith(LocalDate.now().toString());
        assertThat(d.get("figures").get("topics").asInt()).isEqualTo(d.get("supervision").size());

        MvcResult csv = visit("/public/c/QH-AL/open-data.csv");
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("attachment", ".csv");
        byte[] bytes = csv.getResponse().getContentAsByteArray();
        assertThat(bytes[0] & 0xff).as("UTF-8 byte-order mark for Excel").isEqualTo(0xEF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("分类,名称,指标,数值");
        assertThat(lines).contains("总览,安澜镇人大,在任代表," + deputies,
                "会议决议,安澜镇第十八届人民代表大会第九次会议 · 关于安澜镇人民政府工作报告的决议,赞成票,35");
        assertThat(lines).anyMatch(l -> l.startsWith("代表,李春华,本届履职次数,"));
        assertThat(text).doesNotContain("{0}", "portal.");
    }

    @Test
    void anAssessmentIsPublicOnlyWhileThePresidingOfficerHasItsFinalResultsOnThePortal() throws Exception {
        long period = finalPeriod("门户测试" + System.nanoTime() % 100_000);
        String url = "/public/c/QH-AL/assessments/" + period;
        assertThat(visit(url).getResponse().getStatus()).as("final but not on the portal").isEqualTo(404);
        assertThat(page("/public/c/QH-AL/results")).doesNotContain("门户测试");

        // the clerk may not: it is the presiding officer's act
        assertThat(post("anlan.staff", "/assessments/periods/" + period + "/portal", "on", "true").getResponse()
                .getStatus()).isEqualTo(404);
        MvcResult done = post("anlan.chair", "/assessments/periods/" + period + "/portal", "on", "true");
        assertThat(done.getFlashMap().get("success")).isEqualTo("考核最终结果已在公开网站公布");
        String shown = page(url);
        assertThat(org.jsoup.Jsoup.parse(shown).select("main").text()).as("the ranking, not the indicators")
                .contains("门户测试", "东湖村", "名次", "总分").doesNotContain("M1", "M2");
        assertThat(page("/public/c/QH-AL/results")).contains("门户测试");
        assertThat(visit("/public/c/QH-SQ/assessments/" + period).getResponse().getStatus())
                .as("not another town's").isEqualTo(404);
        String staffPage = mvc.perform(get("/assessments/periods/" + period + "/results")
                .with(Logins.as(accounts, "anlan.chair"))).andReturn().getResponse().getContentAsString();
        assertThat(staffPage).contains("portal-withdraw", "在公开网站公布");

        post("anlan.chair", "/assessments/periods/" + period + "/portal", "on", "false");
        assertThat(visit(url).getResponse().getStatus()).as("withdrawn").isEqualTo(404);
        assertThat(jdbc.sql("""
                select action from audit_event where entity_type = 'assessment_period' and entity_id = ?
                 and action like 'PORTAL%' order by seq""").param(String.valueOf(period)).query(String.class).list())
                .containsExactly("PORTAL_PUBLISHED", "PORTAL_WITHDRAWN");
    }

    @Test
    void resultsThatAreNotFinalCannotGoPublic() throws Exception {
        long open = SystemContext.call(() -> {
            long scheme = schemes.draftFromTemplate(org("QH-AL"), "VILLAGES", "门户未定" + System.nanoTime() % 100_000,
                    2033);
            schemes.approve(scheme);
            return desk.openPeriod(scheme, PeriodKind.H1, "门户未定测评", LocalDate.of(2033, 1, 1),
                    LocalDate.of(2033, 6, 30));
        });
        MvcResult refused = post("anlan.chair", "/assessments/periods/" + open + "/portal", "on", "true");
        assertThat(refused.getFlashMap().get("failure")).isEqualTo("确定最终结果后才能在公开网站公布");
        assertThat(visit("/public/c/QH-AL/assessments/" + open).getResponse().getStatus()).isEqualTo(404);
    }

    private long finalPeriod(String name) {
        return PortalFixtures.finalPeriod(schemes, desk, jdbc, org("QH-AL"), name);
    }

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    private MvcResult post(String who, String url, String... params) throws Exception {
        var req = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).with(csrf()).with(Logins.as(accounts, who));
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req).andReturn();
    }
}
