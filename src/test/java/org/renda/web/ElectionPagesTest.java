package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.renda.deputy.DeputyLevel;
import org.renda.identity.Logins;
import org.renda.meeting.ElectionDesk;
import org.renda.meeting.ElectionDesk.CandidateForm;
import org.renda.meeting.ElectionDesk.ElectionStepForm;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionEnums.ElectionStep;
import org.renda.meeting.ElectionEnums.Nomination;
import org.renda.meeting.ElectionViews.ElectionView;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The election pages as the town's clerk and chair use them: in Chinese without codes, the checklist with its dates,
 * a count typed on the phone refused beside its field with what was typed kept, a good one redirecting, the export.
 */
@RendaIntegrationTest
class ElectionPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired ElectionDesk desk;

    private String page(String user, String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).with(Logins.as(accounts, user))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString();
    }

    @Test
    void thePagesShowTheProcedureInChineseWithoutCodes() throws Exception {
        List<Long> ids = jdbc.sql("select id from election order by id").query(Long.class).list();
        for (String user : List.of("anlan.staff", "anlan.chair", "county.director")) {
            String list = page(user, "/meetings/elections");
            assertThat(PageWalk.codesInHtml(list)).as(user + " list").isEmpty();
            assertThat(PageWalk.codesInHtml(page(user, "/meetings/elections/figures"))).isEmpty();
            for (long id : ids) {
                String html = mvc.perform(get("/meetings/elections/" + id).with(Logins.as(accounts, user))).andReturn()
                        .getResponse().getContentAsString();
                assertThat(PageWalk.codesInHtml(html)).as(user + " election " + id).isEmpty();
            }
        }
        assertThat(PageWalk.codesInHtml(page("anlan.staff", "/meetings/elections/new?kind=CONGRESS"))).isEmpty();
        long done = jdbc.sql("select min(id) from election where kind = 'BY_ELECTION' and status = 'DONE'")
                .query(Long.class).single();
        Document d = Jsoup.parse(page("anlan.chair", "/meetings/elections/" + done));
        assertThat(d.select("#steps li")).hasSize(5);
        assertThat(d.select("#steps li").first().text()).contains("代表出缺", "2023-03-01");
        assertThat(d.select("#steps li").last().text()).contains("代表资格审查", "2023-04-20");
        assertThat(d.select("#candidates").text()).contains("周建华", "当选", "已进入代表名册");
        assertThat(d.select("#review").text()).contains("确认代表资格");
        long waiting = jdbc.sql("select min(id) from election where status = 'OPEN' and kind = 'BY_ELECTION'")
                .query(Long.class).single();
        Document open = Jsoup.parse(mvc.perform(get("/meetings/elections/" + waiting).with(Logins.as(accounts,
                "county.staff"))).andReturn().getResponse().getContentAsString());
        assertThat(open.select("#steps li.list-group-item-warning").text()).as("the next step stands out").isNotEmpty();
        assertThat(open.select("#step-form input[name=doneOn]").val()).as("a date input takes ISO dates")
                .isEqualTo(LocalDate.now().toString());
        assertThat(open.select("#next-step input[type=file]")).as("no stray upload field in the form").isEmpty();
        Document sworn = Jsoup.parse(page("anlan.staff", "/meetings/elections/"
                + jdbc.sql("select min(id) from election where kind = 'CONGRESS'").query(Long.class).single()));
        assertThat(sworn.select("#candidates").text()).contains("刘志强", "宪法宣誓", "黄永明");
        assertThat(sworn.select("#rounds").text()).contains("计票人", "监票人", "全体代表");
    }

    @Test
    void aCountTypedWrongComesBackBesideItsFieldAndAGoodOneRedirects() throws Exception {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        LocalDate today = LocalDate.now();
        ElectionView e = Logins.call(accounts, "anlan.staff", () -> {
            ElectionView x = desk.create(new ElectionDesk.ElectionForm(town, ElectionKind.BY_ELECTION, "页面补选测试",
                    null, null, null, "第8选区", "原代表辞职", today.minusDays(9), DeputyLevel.TOWN, 18, 2021, 2026, 1,
                    900));
            desk.addCandidate(x.id(), new CandidateForm("页面甲", null, null, null, null, Nomination.PARTIES, null, null));
            desk.addCandidate(x.id(), new CandidateForm("页面乙", null, null, null, null, Nomination.PARTIES, null, null));
            desk.recordStep(x.id(), new ElectionStepForm(ElectionStep.NOMINATED, today.minusDays(5), null));
            return desk.recordStep(x.id(), new ElectionStepForm(ElectionStep.PUBLISHED, today.minusDays(3), null));
        });
        var form = post("/meetings/elections/" + e.id() + "/rounds").with(Logins.as(accounts, "anlan.staff"))
                .with(csrf()).param("heldOn", today.toString()).param("tellers", "计票甲").param("scrutineers", "监票乙")
                .param("registeredVoters", "900")
                .param("candidateIds", String.valueOf(e.candidates().get(0).id()),
                        String.valueOf(e.candidates().get(1).id()));
        MockHttpServletResponse refused = mvc.perform(form.param("votesCast", "901").param("votesFor[0]", "600")
                .param("votesFor[1]", "200")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        Document d = Jsoup.parse(refused.getContentAsString());
        assertThat(d.select("#votesCast-error").text()).isEqualTo("参加投票的选民不能多于登记选民 900 人");
        assertThat(d.select("#round-form input[name=votesCast]").val()).isEqualTo("901");
        assertThat(d.select("#round-form input[name=votesFor[0]]").val()).isEqualTo("600");
        assertThat(jdbc.sql("select count(*) from election_round where election_id = ?").param(e.id())
                .query(Integer.class).single()).isZero();

        MockHttpServletResponse ok = mvc.perform(post("/meetings/elections/" + e.id() + "/rounds")
                .with(Logins.as(accounts, "anlan.staff")).with(csrf()).param("heldOn", today.toString())
                .param("tellers", "计票甲").param("scrutineers", "监票乙").param("registeredVoters", "900")
                .param("votesCast", "700")
                .param("candidateIds", String.valueOf(e.candidates().get(0).id()),
                        String.valueOf(e.candidates().get(1).id()))
                .param("votesFor[0]", "600").param("votesFor[1]", "90")).andReturn().getResponse();
        assertThat(ok.getRedirectedUrl()).isEqualTo("/meetings/elections/" + e.id());
        assertThat(Logins.call(accounts, "anlan.staff", () -> desk.get(e.id())).elected()).extracting(c -> c.name())
                .containsExactly("页面甲");
    }

    @Test
    void theExportListsTheTermsByElectionsWithTheirFiguresAndTheSum() throws Exception {
        byte[] xlsx = mvc.perform(get("/meetings/elections/export.xlsx?termStart=2021").with(Logins.as(accounts,
                "county.staff"))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("补选情况");
            StringBuilder all = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|')));
            assertThat(all).contains("安澜镇", "第5选区（上林村）", "1860", "1532", "周建华", "确认代表资格", "石桥镇");
            var sums = book.getSheetAt(1);
            assertThat(sums.getRow(sums.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("合计");
        }
    }

    @Test
    void aNewElectionAndTheReviewGoThroughTheirFormsAsThePresidiumUsesThem() throws Exception {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        MockHttpServletResponse missing = mvc.perform(post("/meetings/elections").with(Logins.as(accounts,
                "anlan.staff")).with(csrf()).param("orgId", String.valueOf(town)).param("kind", "CONGRESS")
                .param("title", "选举镇长（页面）").param("sitting", "第十八届第八次会议").param("seats", "1"))
                .andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(200);
        Document form = Jsoup.parse(missing.getContentAsString());
        assertThat(form.select("#office-error").text()).isEqualTo("请填写此项");
        assertThat(form.select("#title").val()).isEqualTo("选举镇长（页面）");
        assertThat(form.select("#district")).as("a session's election asks no district").isEmpty();
        MockHttpServletResponse created = mvc.perform(post("/meetings/elections").with(Logins.as(accounts,
                "anlan.staff")).with(csrf()).param("orgId", String.valueOf(town)).param("kind", "CONGRESS")
                .param("title", "选举镇长（页面）").param("sitting", "第十八届第八次会议").param("office", "镇长")
                .param("seats", "1")).andReturn().getResponse();
        assertThat(created.getRedirectedUrl()).startsWith("/meetings/elections/");

        LocalDate today = LocalDate.now();
        ElectionView e = Logins.call(accounts, "anlan.staff", () -> {
            ElectionView x = desk.create(new ElectionDesk.ElectionForm(town, ElectionKind.BY_ELECTION, "页面审查测试",
                    null, null, null, "第6选区", "原代表辞职", today.minusDays(9), DeputyLevel.TOWN, 18, 2021, 2026, 1,
                    500));
            desk.addCandidate(x.id(), new CandidateForm("审查甲", null, null, null, null, Nomination.PARTIES, null, null));
            desk.recordStep(x.id(), new ElectionDesk.ElectionStepForm(ElectionStep.NOMINATED, today.minusDays(5), null));
            desk.recordStep(x.id(), new ElectionDesk.ElectionStepForm(ElectionStep.PUBLISHED, today.minusDays(4), null));
            long c = desk.get(x.id()).candidates().get(0).id();
            return desk.recordRound(x.id(), new ElectionDesk.ElectionRoundForm(today.minusDays(2), "甲", "乙", null, null,
                    null, null, null, 400, List.of(new ElectionDesk.ElectionTallyForm(c, 390, null, null)))).election();
        });
        Document chairPage = Jsoup.parse(page("anlan.chair", "/meetings/elections/" + e.id()));
        assertThat(chairPage.select("#review-checks li")).hasSize(5).allMatch(li -> li.text().startsWith("✔"));
        assertThat(chairPage.select("#review-form")).hasSize(1);
        assertThat(Jsoup.parse(page("anlan.staff", "/meetings/elections/" + e.id())).select("#review-form"))
                .as("the clerk sees the checks, not the decision").isEmpty();
        MockHttpServletResponse noReasons = mvc.perform(post("/meetings/elections/" + e.id() + "/review")
                .with(Logins.as(accounts, "anlan.chair")).with(csrf()).param("outcome", "REFUSED")
                .param("reviewedOn", today.toString()).param("reviewedBy", "资格审查委员会")).andReturn().getResponse();
        assertThat(noReasons.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(noReasons.getContentAsString()).select("#reasons-error").text()).isEqualTo("不予确认须写明理由");
        MockHttpServletResponse confirmed = mvc.perform(post("/meetings/elections/" + e.id() + "/review")
                .with(Logins.as(accounts, "anlan.chair")).with(csrf()).param("outcome", "CONFIRMED")
                .param("reviewedOn", today.toString()).param("reviewedBy", "资格审查委员会")).andReturn().getResponse();
        assertThat(confirmed.getRedirectedUrl()).isEqualTo("/meetings/elections/" + e.id());
        assertThat(Logins.call(accounts, "anlan.staff", () -> desk.get(e.id())).elected().get(0).seatDeputyId())
                .isNotNull();
    }
}
