package org.renda.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteScale;
import org.renda.identity.Logins;
import org.renda.org.OrgAdministration;
import org.renda.org.OrgTree;
import org.renda.report.spi.ReportFigure;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 罗定-shaped dataset's annual report: each figure of the meetings, supervision and appraisal modules links to
 * the list of exactly the records it counts — the list opened from the county's report (and from a town's) shows
 * as many rows as the figure states, with the active filter in Chinese; a foreign organisation on each list
 * answers 404 and a bad parameter 400.
 */
@RendaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportLinksMeetingSupervisionTest {

    private static final int YEAR = LuodingDataset.YEAR;

    @Autowired UserDetailsService accounts;
    @Autowired AnnualReports reports;
    @Autowired OrgAdministration orgAdmin;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired org.renda.appraisal.VoteDesk votes;

    private LuodingDataset luoding;

    @BeforeAll
    void replaySeed() {
        luoding = LuodingDataset.createAsAdmin(accounts, orgAdmin, orgs, jdbc, "LL");
        // appraisals (the dataset has none): the county's campaign of the year with 4 subjects, the first town's
        // with 2, last year's (not counted) with 1; one finding of the county's campaign, open, of the year by
        // its campaign (its own year unset)
        long county = campaign(luoding.county, YEAR, 4);
        campaign(luoding.towns.get(0), YEAR, 2);
        campaign(luoding.county, YEAR - 1, 1);
        long subject = jdbc.sql("select min(id) from appraisal_subject where campaign_id = ?").param(county)
                .query(Long.class).single();
        jdbc.sql("""
                insert into rectification (org_id, campaign_id, subject_id, problem, due_on, state, created_at, source_kind)
                values (?, ?, ?, '窗口服务效率低', ?, 'OPEN', current_timestamp, 'APPRAISAL')""")
                .params(luoding.county, county, subject, java.time.LocalDate.of(YEAR, 10, 1)).update();
        // a satisfaction vote of the county closed in the year: of its two subjects only the first got ballots
        Logins.call(accounts, "admin", () -> {
            var v = votes.create(new VoteDesk.NewVote(luoding.county, "政府组成部门述职评议", VoteScale.COMPETENCE,
                    VoteScale.RateRule.SATISFIED_SHARE, new java.math.BigDecimal("0.6"), List.of("副市长甲", "副市长乙"),
                    false));
            List<VoteDesk.Voter> voters = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                voters.add(new VoteDesk.Voter(930_000 + i, "测评代表" + i));
            }
            votes.addToRoll(v.id(), voters);
            java.util.Set<Long> issued = new java.util.HashSet<>();
            votes.roll(v.id()).forEach(r -> issued.add(r.id()));
            votes.markIssued(v.id(), issued);
            votes.printCodes(v.id(), 3);
            votes.open(v.id());
            long first = votes.detail(v.id()).subjects().get(0).id();
            votes.enterPaper(v.id(), 3, Map.of(first, Map.of("COMPETENT", 3)));
            votes.close(v.id());
            jdbc.sql("update vote set closed_at = ? where id = ?")
                    .params(java.sql.Timestamp.valueOf("2019-12-20 10:00:00"), v.id()).update();
            return v.id();
        });
    }

    private long campaign(long orgId, int year, int subjects) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into appraisal_campaign (org_id, for_year, title, kind, threshold, created_at)
                values (?, ?, ?, 'UNITS', 0.7, current_timestamp)""").params(orgId, year, year + "年度工作评议")
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < subjects; i++) {
            jdbc.sql("insert into appraisal_subject (org_id, campaign_id, title, sort_no) values (?, ?, ?, ?)")
                    .params(orgId, id, "评议对象" + i, i).update();
        }
        return id;
    }

    /** Per figure key: how a row of its list shows in the page (the list's own section, then each row's mark). */
    private static final Map<String, Rows> LISTS = Map.ofEntries(
            Map.entry("meetings.sessions", new Rows("id=\"meeting-list\"", "href=\"/meetings/\\d+\"")),
            Map.entry("meetings.presidium", new Rows("id=\"meeting-list\"", "href=\"/meetings/\\d+\"")),
            Map.entry("meetings.all", new Rows("id=\"meeting-list\"", "href=\"/meetings/\\d+\"")),
            Map.entry("supervision.topics", new Rows("id=\"subjects\"", "href=\"/supervision/subjects/\\d+\"")),
            Map.entry("supervision.activities", new Rows("id=\"activities\"", "href=\"/supervision/activities/\\d+\"")),
            Map.entry("supervision.inspections", new Rows("id=\"activities\"", "href=\"/supervision/activities/\\d+\"")),
            Map.entry("supervision.officialReports", new Rows("id=\"reported\"", "class=\"reported-row\"")),
            Map.entry("rectification.findings", new Rows("id=\"list-filter\"", "id=\"rect-\\d+\"")),
            Map.entry("rectification.rectified", new Rows("id=\"list-filter\"", "id=\"rect-\\d+\"")),
            Map.entry("appraisal.subjects", new Rows("id=\"year-subjects\"", "href=\"/appraisals/subjects/\\d+\"")),
            Map.entry("appraisal.votes", new Rows("id=\"closed-votes\"", "class=\"vote-row\"")),
            Map.entry("appraisal.rated", new Rows("id=\"list-filter\"", "class=\"rated-row\"")));

    record Rows(String section, String row) {

        int count(String html) {
            int at = html.indexOf(section);
            if (at < 0) {
                return 0;
            }
            int end = html.indexOf("</section>", at);
            Matcher m = Pattern.compile(row).matcher(html.substring(at, end < 0 ? html.length() : end));
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }
    }

    private String page(String link) throws Exception {
        assertThat(link).startsWith("/");
        return mvc.perform(get(link).with(Logins.as(accounts, "admin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private void eachFigureListsExactlyItsRecords(long orgId, String orgName) throws Exception {
        AnnualReport r = Logins.call(accounts, "admin", () -> reports.compute(orgId, YEAR));
        for (var e : LISTS.entrySet()) {
            ReportFigure f = r.figure(e.getKey()).orElseThrow();
            assertThat(f.link()).as(e.getKey()).contains("org=" + orgId).contains("year=" + YEAR);
            String html = page(f.link());
            assertThat(e.getValue().count(html)).as(e.getKey() + " rows at " + f.link())
                    .isEqualTo(f.value().longValue());
            assertThat(html).as(e.getKey() + " total").contains("共 " + f.value().longValue() + " ");
            assertThat(html).as("the filter in Chinese").contains("筛选：" + orgName + " · 2019年", "清除筛选");
            assertThat(org.renda.web.PageWalk.codesInHtml(html)).as("no code on " + f.link()).isEmpty();
        }
    }

    @Test
    void theCountysFiguresLinkToListsOfExactlyTheirRecords() throws Exception {
        AnnualReport r = Logins.call(accounts, "admin", () -> reports.compute(luoding.county, YEAR));
        assertThat(r.count("meetings.sessions")).isEqualTo(17);
        assertThat(r.count("meetings.presidium")).isEqualTo(34);
        assertThat(r.count("supervision.topics")).isEqualTo(53);
        assertThat(r.count("supervision.inspections")).isEqualTo(15);
        assertThat(r.count("supervision.officialReports")).isEqualTo(22);
        assertThat(r.count("rectification.rectified")).isEqualTo(25);
        assertThat(r.count("rectification.findings")).as("the dataset's 25 and the appraisal's open one").isEqualTo(26);
        assertThat(r.count("appraisal.subjects")).as("this year's campaigns of the county and its town").isEqualTo(6);
        assertThat(r.count("appraisal.votes")).isEqualTo(1);
        assertThat(r.count("appraisal.rated")).as("the subject without ballots is not rated").isEqualTo(1);
        assertThat(r.figure("appraisal.lowestRate").orElseThrow().link()).isEqualTo("/appraisals/votes?org="
                + luoding.county + "&year=2019#rated");
        assertThat(r.figure("supervision.inspections").orElseThrow().link()).isEqualTo("/supervision/activities?org="
                + luoding.county + "&year=2019&state=HELD&kind=INSPECTION");
        assertThat(r.figure("rectification.rectified").orElseThrow().link()).isEqualTo(
                "/supervision/rectifications?org=" + luoding.county + "&year=2019&state=ACCEPTED");
        assertThat(r.figure("meetings.sessions").orElseThrow().link())
                .isEqualTo("/meetings?org=" + luoding.county + "&year=2019&state=CLOSED&kind=SESSION");
        eachFigureListsExactlyItsRecords(luoding.county, "罗定市");
    }

    @Test
    void aTownsFiguresLinkToItsOwnRecordsOnly() throws Exception {
        long town = luoding.towns.get(0);
        AnnualReport r = Logins.call(accounts, "admin", () -> reports.compute(town, YEAR));
        assertThat(r.count("meetings.presidium")).isEqualTo(2);
        assertThat(r.count("appraisal.subjects")).isEqualTo(2);
        eachFigureListsExactlyItsRecords(town, "苹塘镇");
        String html = page("/meetings?org=" + town + "&year=2019&state=CLOSED");
        String list = html.substring(html.indexOf("id=\"meeting-list\""));
        assertThat(list).contains("苹塘镇").doesNotContain("生江镇");
    }

    @Test
    void aForeignOrganisationIsNotFoundAndABadParameterIsRefused() throws Exception {
        var countyStaff = Logins.as(accounts, "county.staff"); // 清河县's staff: 罗定 is not theirs
        for (String list : List.of("/meetings", "/supervision", "/supervision/activities", "/supervision/official-reports",
                "/supervision/rectifications", "/appraisals", "/appraisals/votes")) {
            mvc.perform(get(list).param("org", String.valueOf(luoding.county)).param("year", "2019").with(countyStaff))
                    .andExpect(status().isNotFound());
        }
        var admin = Logins.as(accounts, "admin");
        String bad = mvc.perform(get("/meetings").param("org", String.valueOf(luoding.county)).param("year", "2019")
                .param("kind", "PARTY").with(admin)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(bad).contains("PARTY").doesNotContain("Exception");
        mvc.perform(get("/meetings").param("org", "abc").with(admin)).andExpect(status().isBadRequest());
        for (String[] b : List.of(new String[] {"/supervision/activities", "kind"}, new String[] {"/supervision/activities", "state"},
                new String[] {"/supervision/official-reports", "state"}, new String[] {"/supervision/rectifications", "state"})) {
            String text = mvc.perform(get(b[0]).param("org", String.valueOf(luoding.county)).param(b[1], "NONSENSE")
                    .with(admin)).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(text).as(b[0]).contains("NONSENSE").doesNotContain("Exception");
        }
        mvc.perform(get("/supervision/rectifications").param("year", "0").with(admin)).andExpect(status().isBadRequest());
        mvc.perform(get("/meetings").param("year", "99999").with(admin)).andExpect(status().isBadRequest());
    }
}
