package org.renda.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renda.identity.Logins;
import org.renda.org.OrgAdministration;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each station figure of the annual report links to the list of exactly the records it counts: the county's
 * links (seed 001/004: 319 activities, 320 voters, 46 matters, 22 solved) show those totals, a town's links its
 * share only, and an organisation outside the reader's reach answers 404.
 */
@RendaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportLinksStationDeputyTest {

    private static final int YEAR = LuodingDataset.YEAR;

    @Autowired UserDetailsService accounts;
    @Autowired AnnualReports reports;
    @Autowired OrgAdministration orgAdmin;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private LuodingDataset luoding;

    @BeforeAll
    void replaySeed() {
        luoding = LuodingDataset.createAsAdmin(accounts, orgAdmin, orgs, jdbc, "LK");
    }

    private AnnualReport report(long org) {
        return Logins.call(accounts, "admin", () -> reports.compute(org, YEAR));
    }

    private String page(String link) throws Exception {
        assertThat(link).startsWith("/");
        return mvc.perform(get(link).with(Logins.as(accounts, "admin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static int count(String html, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static final Pattern TOTALS = Pattern.compile("接待走访 (\\d+) 次，接待选民 (\\d+) 人次，反映问题 (\\d+) 条，解决 (\\d+) 个");

    private static long[] totals(String html) {
        Matcher m = TOTALS.matcher(html);
        assertThat(m.find()).as("the totals line").isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))};
    }

    private void assertStationLinks(long org, boolean onePage) throws Exception {
        AnnualReport r = report(org);
        String activitiesLink = r.figure("stations.activities").orElseThrow().link();
        assertThat(activitiesLink).isEqualTo("/stations/activities?org=" + org + "&year=" + YEAR);
        String activities = page(activitiesLink);
        long held = r.count("stations.activities");
        assertThat(activities).contains("共 " + held + " 场");
        assertThat(activities).doesNotContain("??").contains("清除筛选");
        assertThat(count(activities, "href=\"/stations/activities/")).isEqualTo((int) Math.min(held, 50));

        String receptionsLink = r.figure("stations.receptions").orElseThrow().link();
        assertThat(receptionsLink).isEqualTo("/stations/receptions?org=" + org + "&year=" + YEAR);
        assertThat(r.figure("stations.voters").orElseThrow().link()).isEqualTo(receptionsLink);
        assertThat(r.figure("stations.matters").orElseThrow().link()).isEqualTo(receptionsLink);
        String receptions = page(receptionsLink);
        long[] t = totals(receptions);
        assertThat(t[0]).isEqualTo(r.count("stations.receptions"));
        assertThat(t[1]).isEqualTo(r.count("stations.voters"));
        assertThat(t[2]).isEqualTo(r.count("stations.matters"));
        assertThat(t[3]).isEqualTo(r.count("stations.solved"));
        assertThat(count(receptions, "href=\"/stations/records/")).isEqualTo((int) Math.min(t[0], 50));

        String solvedLink = r.figure("stations.solved").orElseThrow().link();
        assertThat(solvedLink).isEqualTo(receptionsLink + "&solved=true");
        String solved = page(solvedLink);
        assertThat(totals(solved)[3]).isEqualTo(r.count("stations.solved"));
        assertThat(solved).contains("仅看有问题已解决的记录");
        if (onePage) {
            assertThat(held).isLessThanOrEqualTo(50);
        }
    }

    @Test
    void theCountysStationFiguresLinkToTheirRecords() throws Exception {
        AnnualReport r = report(luoding.county);
        assertThat(r.count("stations.activities")).isEqualTo(319);
        assertThat(r.count("stations.voters")).isEqualTo(320);
        assertThat(r.count("stations.matters")).isEqualTo(46);
        assertThat(r.count("stations.solved")).isEqualTo(22);
        assertStationLinks(luoding.county, false);
        // the second page goes on where the first stopped
        String second = page("/stations/activities?org=" + luoding.county + "&year=" + YEAR + "&page=7");
        assertThat(count(second, "href=\"/stations/activities/")).isEqualTo(319 - 6 * 50);
    }

    @Test
    void aTownsLinksShowItsShareOnly() throws Exception {
        long town = luoding.towns.get(0);
        assertStationLinks(town, true);
        assertThat(report(town).count("stations.activities")).isEqualTo(19);
    }

    private void assertDutyLinks(long org) throws Exception {
        AnnualReport r = report(org);
        String duties = r.figure("deputies.duties").orElseThrow().link();
        assertThat(duties).isEqualTo("/duties/verified?org=" + org + "&year=" + YEAR);
        long all = r.count("deputies.duties");
        String page = page(duties);
        assertThat(page).contains("共 " + all + " 条").contains("清除筛选").doesNotContain("??");
        assertThat(count(page, "<td><a href=\"/duties/")).isEqualTo((int) Math.min(all, 50));
        String reportsLink = r.figure("deputies.reportsToVoters").orElseThrow().link();
        assertThat(reportsLink).isEqualTo(duties + "&type=REPORT_TO_VOTERS");
        long reported = r.count("deputies.reportsToVoters");
        String reports = page(reportsLink);
        assertThat(reports).contains("共 " + reported + " 条").contains("履职类型：向选民述职")
                .doesNotContain("REPORT_TO_VOTERS<");
        assertThat(count(reports, "<td><a href=\"/duties/"))
                .isEqualTo((int) Math.min(reported, 50));
    }

    @Test
    void theDeputiesFiguresLinkToTheVerifiedRecords() throws Exception {
        assertThat(report(luoding.county).count("deputies.reportsToVoters")).isEqualTo(182);
        assertDutyLinks(luoding.county);
        assertDutyLinks(luoding.towns.get(0));
        assertThat(report(luoding.towns.get(0)).count("deputies.reportsToVoters")).isLessThan(182);
    }

    @Autowired org.renda.assessment.SchemeBook schemes;
    @Autowired org.renda.assessment.AssessmentDesk desk;

    private static final Pattern ASSESSED = Pattern.compile("参加排名 (\\d+) 个，评定等次 (\\d+) 个，一票否决 (\\d+) 个");

    /** 安澜镇's villages assessed for 2037 (two scored, the rest incomplete), two of them tiered, signed off. */
    @Test
    void theAssessmentFiguresLinkToTheSignedOffResults() throws Exception {
        long anlan = orgs.findByCode("QH-AL").orElseThrow().id();
        long user = jdbc.sql("select id from app_user where username = 'eval.wang'").query(Long.class).single();
        long period = org.renda.shared.SystemContext.call(() -> {
            long scheme = schemes.draftFromTemplate(anlan, "VILLAGES", "报告链接测试", 2037);
            schemes.approve(scheme);
            long p = desk.openPeriod(scheme, org.renda.assessment.engine.PeriodKind.ANNUAL, "报告链接测试",
                    java.time.LocalDate.of(2037, 1, 1), java.time.LocalDate.of(2037, 12, 31));
            java.util.List<Long> two = desk.subjects(p).stream()
                    .filter(x -> x.name().equals("东湖村") || x.name().equals("南塘村"))
                    .map(org.renda.assessment.AssessmentViews.SubjectView::id).toList();
            desk.createGroup(p, new org.renda.assessment.AssessmentDesk.GroupForm("报告链接测试组", null, user,
                    java.util.List.of("S1", "S2", "B1", "B2", "B3"), two, java.util.List.of()));
            return p;
        });
        String[] codes = {"S1", "S2", "B1", "B2", "B3"};
        String[][] points = {{"18", "9", "37", "27", "28"}, {"19", "9.5", "38", "28", "28.5"}};
        String[] villages = {"东湖村", "南塘村"};
        for (int v = 0; v < 2; v++) {
            String village = villages[v];
            long sheet = org.renda.shared.SystemContext.call(() -> desk.sheets(period)).stream()
                    .filter(x -> x.subjectName().equals(village)).findFirst().orElseThrow().id();
            int version = jdbc.sql("select version from assessment_sheet where id = ?").param(sheet)
                    .query(Integer.class).single();
            var req = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .post("/assessments/sheets/" + sheet).with(org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()).with(Logins.as(accounts, "eval.wang"))
                    .param("version", String.valueOf(version)).param("submit", "true");
            for (int i = 0; i < codes.length; i++) {
                req.param("points[" + codes[i] + "]", points[v][i]);
            }
            mvc.perform(req);
        }
        org.renda.shared.SystemContext.run(() -> {
            desk.close(period, true);
            for (String village : villages) {
                long subject = desk.subjects(period).stream().filter(x -> x.name().equals(village)).findFirst()
                        .orElseThrow().id();
                desk.excuse(subject, java.util.List.of("M1", "M2"), "本年度未开展半年测评，按零分计", null);
            }
            desk.signOff(period, true);
        });

        AnnualReport r = Logins.call(accounts, "admin", () -> reports.compute(anlan, 2037));
        long ranked = r.count("assessment.ranked");
        long awarded = r.count("assessment.awarded");
        assertThat(ranked).isGreaterThan(2);
        assertThat(awarded).isEqualTo(2);
        String base = "/assessments/annual-results?org=" + anlan + "&year=2037";
        assertThat(r.figure("assessment.ranked").orElseThrow().link()).isEqualTo(base);
        assertThat(r.figure("assessment.awarded").orElseThrow().link()).isEqualTo(base + "&show=AWARDED");
        assertThat(r.figure("assessment.vetoed").orElseThrow().link()).isEqualTo(base + "&show=VETOED");
        for (String key : new String[] {"assessment.ranked", "assessment.awarded", "assessment.vetoed"}) {
            String html = page(r.figure(key).orElseThrow().link());
            Matcher m = ASSESSED.matcher(html);
            assertThat(m.find()).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(ranked);
            assertThat(Long.parseLong(m.group(2))).isEqualTo(awarded);
            assertThat(Long.parseLong(m.group(3))).isEqualTo(r.count("assessment.vetoed"));
            assertThat(html).contains("本页所列共 " + r.count(key) + " 个").doesNotContain("??");
            assertThat(count(html, "/results\"")).as(key).isEqualTo((int) Math.min(r.count(key), 50));
        }
    }

    @Test
    void aForeignOrganisationIsNotFoundAndABadYearIsRefused() throws Exception {
        for (String list : new String[] {"/stations/activities", "/stations/receptions", "/duties/verified",
                "/assessments/annual-results"}) {
            mvc.perform(get(list).param("org", String.valueOf(luoding.county)).param("year", String.valueOf(YEAR))
                    .with(Logins.as(accounts, "county.staff"))).andExpect(status().isNotFound());
            mvc.perform(get(list).param("org", String.valueOf(luoding.county)).param("year", "abc")
                    .with(Logins.as(accounts, "admin"))).andExpect(status().isBadRequest());
            String refused = mvc.perform(get(list).param("org", String.valueOf(luoding.county)).param("year", "99999")
                    .with(Logins.as(accounts, "admin"))).andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(refused).as(list).contains("年份应在 1900 到 2100 之间").doesNotContain("Exception", "at org.");
        }
    }
}
