package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.renda.appraisal.RectificationWorkload;
import org.renda.appraisal.Rectifications;
import org.renda.appraisal.VoteWorkload;
import org.renda.assessment.SheetWorkload;
import org.renda.casework.CaseWorkload;
import org.renda.casework.CaseWorkload.Bucket;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Role;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The read facades behind the home page count what waits for each role, within the actor's reach only: a unit
 * of another bureau, a clerk of another town, a user in no evaluator group count nothing of it.
 */
@RendaIntegrationTest
class WorkloadFacadesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired CurrentActor currentActor;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired CaseWorkload cases;
    @Autowired RectificationWorkload rectifications;
    @Autowired Rectifications ledger;
    @Autowired SheetWorkload sheets;
    @Autowired VoteWorkload votes;

    private final LocalDate today = LocalDate.now();

    private Actor actor(String username) {
        return Logins.call(accounts, username, currentActor::require);
    }

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    /** A handling unit of another bureau (no such demo account): what 教育局's liaison officer would be. */
    private Actor foreignUnit() {
        long education = org("QH-D12");
        return new Actor(999_001, "unit.foreign", "外单位", education,
                List.of(new Actor.Grant(Role.HANDLING_UNIT, education, "其他局")),
                Map.of(Permission.CASE_HANDLE, Set.of(education), Permission.APPRAISAL_RESPOND, Set.of(education),
                        Permission.ORG_READ, Set.of(education)));
    }

    static long assignedCase(MockMvc mvc, UserDetailsService accounts, long town, long unit, String title)
            throws Exception {
        MvcResult r = mvc.perform(multipart("/cases").with(csrf()).with(Logins.as(accounts, "anlan.staff"))
                .param("orgId", String.valueOf(town)).param("source", "RECEPTION").param("kind", "OPINION")
                .param("category", "交通出行").param("title", title).param("content", "路面破损，雨天积水，群众出行不便。"))
                .andReturn();
        long id = Long.parseLong(r.getResponse().getRedirectedUrl().replace("/cases/", ""));
        mvc.perform(post("/cases/" + id + "/act").param("action", "ASSIGN").param("leadUnitId", String.valueOf(unit))
                .with(csrf()).with(Logins.as(accounts, "anlan.staff"))).andReturn();
        return id;
    }

    @Test
    void aUnitCountsTheCasesAssignedToItToSignThenToReplyAndAnotherBureauCountsNone() throws Exception {
        Actor unit = actor("unit.jiaotong");
        Actor clerk = actor("anlan.staff");
        long before = cases.counts(unit, today).get(Bucket.TO_SIGN);
        long replyBefore = cases.counts(unit, today).get(Bucket.TO_REPLY);
        long assignBefore = cases.counts(clerk, today).get(Bucket.TO_ASSIGN);
        long foreignBefore = cases.counts(foreignUnit(), today).get(Bucket.TO_SIGN);

        long id = assignedCase(mvc, accounts, org("QH-AL"), org("QH-D11"), "首页计数：村道破损");

        assertThat(cases.counts(unit, today).get(Bucket.TO_SIGN)).isEqualTo(before + 1);
        assertThat(cases.list(unit, Bucket.TO_SIGN, today, 500)).extracting(CaseWorkload.Line::id).contains(id);
        assertThat(cases.counts(foreignUnit(), today).get(Bucket.TO_SIGN)).isEqualTo(foreignBefore);
        assertThat(cases.list(foreignUnit(), Bucket.TO_SIGN, today, 500)).extracting(CaseWorkload.Line::id)
                .doesNotContain(id);
        assertThat(cases.counts(clerk, today).get(Bucket.TO_ASSIGN)).as("assigned: off the clerk's queue")
                .isEqualTo(assignBefore);
        assertThat(cases.counts(unit, today)).as("a unit has no staff queues").doesNotContainKey(Bucket.TO_ASSIGN);

        mvc.perform(post("/cases/" + id + "/act").param("action", "SIGN").with(csrf())
                .with(Logins.as(accounts, "unit.jiaotong"))).andReturn();
        assertThat(cases.counts(unit, today).get(Bucket.TO_SIGN)).isEqualTo(before);
        assertThat(cases.counts(unit, today).get(Bucket.TO_REPLY)).isEqualTo(replyBefore + 1);
    }

    @Test
    void overdueCasesCountForTheTownThatOwnsThemNotForAnotherTown() throws Exception {
        long id = assignedCase(mvc, accounts, org("QH-AL"), org("QH-D11"), "首页计数：超期件");
        Actor clerk = actor("anlan.staff");
        Actor other = actor("shiqiao.staff");
        long before = cases.counts(clerk, today).get(Bucket.OVERDUE);
        long otherBefore = cases.counts(other, today).get(Bucket.OVERDUE);
        long unitBefore = cases.counts(actor("unit.jiaotong"), today).get(Bucket.UNIT_OVERDUE);
        jdbc.sql("update case_item set due_on = ? where id = ?").params(today.minusDays(3), id).update();

        assertThat(cases.counts(clerk, today).get(Bucket.OVERDUE)).isEqualTo(before + 1);
        assertThat(cases.counts(actor("county.director"), today).get(Bucket.OVERDUE)).isPositive();
        assertThat(cases.counts(other, today).get(Bucket.OVERDUE)).isEqualTo(otherBefore);
        assertThat(cases.counts(actor("unit.jiaotong"), today).get(Bucket.UNIT_OVERDUE)).isEqualTo(unitBefore + 1);
        assertThat(cases.list(other, Bucket.OVERDUE, today, 500)).extracting(CaseWorkload.Line::id).doesNotContain(id);
    }

    @Test
    void aUnitCountsItsRectificationItemsPerCampaignAndAnotherBureauNone() {
        long transport = org("QH-D11");
        long subject = jdbc.sql("select max(id) from appraisal_subject where subject_org_id = ?").param(transport)
                .query(Long.class).single();
        long campaign = jdbc.sql("select campaign_id from appraisal_subject where id = ?").param(subject)
                .query(Long.class).single();
        Actor unit = actor("unit.jiaotong");
        long before = waiting(rectifications.ofUnit(unit, today), campaign);

        Logins.run(accounts, "county.staff", () -> ledger.raise(subject, "首页计数：路灯维修不及时", null));

        assertThat(waiting(rectifications.ofUnit(unit, today), campaign)).isEqualTo(before + 1);
        long foreignOwn = jdbc.sql("select count(*) from rectification where subject_org_id = ?"
                + " and state <> 'ACCEPTED'").param(org("QH-D12")).query(Long.class).single();
        assertThat(rectifications.ofUnit(foreignUnit(), today).stream()
                .mapToLong(RectificationWorkload.Line::waiting).sum()).as("another bureau: its own only")
                .isEqualTo(foreignOwn);
        long unitOwn = jdbc.sql("select count(*) from rectification where subject_org_id = ? and state <> 'ACCEPTED'")
                .param(transport).query(Long.class).single();
        assertThat(rectifications.ofUnit(unit, today).stream().mapToLong(RectificationWorkload.Line::waiting).sum())
                .isEqualTo(unitOwn);
        assertThat(rectifications.ofUnit(actor("shiqiao.staff"), today)).as("staff answer for no unit").isEmpty();
    }

    private static long waiting(List<RectificationWorkload.Line> lines, long campaign) {
        return lines.stream().filter(l -> l.campaignId() == campaign).mapToLong(RectificationWorkload.Line::waiting)
                .sum();
    }

    @Test
    void anEvaluatorCountsTheSheetsOfTheirGroupsInOpenPeriodsAndSomeoneInNoGroupNone() {
        for (String who : List.of("eval.wang", "unit.jiaotong")) {
            Actor a = actor(who);
            long open = jdbc.sql("""
                    select count(*) from assessment_sheet s join assessment_period p on p.id = s.period_id
                    where p.status = 'OPEN' and s.status <> 'SUBMITTED' and s.group_id in
                      (select m.group_id from assessment_group_member m where m.user_id = ?)""")
                    .param(a.userId()).query(Long.class).single();
            assertThat(open).as(who + " has open sheets in the demo").isPositive();
            assertThat(sheets.of(a).open()).as(who).isEqualTo(open);
            assertThat(sheets.hasSheets(a)).isTrue();
        }
        assertThat(sheets.of(actor("shiqiao.staff"))).isEqualTo(new SheetWorkload.Count(0, 0));
        assertThat(sheets.hasSheets(actor("shiqiao.staff"))).isFalse();
    }

    @Test
    void theOpenVoteOfTheCountyIsRunByCountyStaffNotByATownsClerk() {
        long open = jdbc.sql("select count(*) from vote where state = 'OPEN' and org_id = ?").param(org("QH"))
                .query(Long.class).single();
        assertThat(open).isPositive();
        assertThat(votes.openToRun(actor("county.staff"))).hasSizeGreaterThanOrEqualTo((int) open);
        assertThat(votes.openToRun(actor("shiqiao.staff"))).isEmpty();
        assertThat(votes.openToRun(actor("unit.jiaotong"))).isEmpty();
    }

    @Test
    void aDeputyOnTheRollOfAnOpenVoteIsToldToVoteAndOneOffTheRollIsNot() {
        for (String who : List.of("deputy.li", "deputy.zhao")) {
            long onRoll = jdbc.sql("""
                    select count(*) from vote v where v.state = 'OPEN' and exists (select 1 from vote_roll r
                      join deputy d on d.id = r.deputy_id join app_user u on u.id = d.user_id
                      where r.vote_id = v.id and u.username = ?)""").param(who).query(Long.class).single();
            assertThat(Logins.call(accounts, who, votes::openToMe)).as(who).hasSize((int) onRoll);
        }
        assertThat(Logins.call(accounts, "anlan.staff", votes::openToMe)).as("no deputy").isEmpty();
    }

    @Test
    void aVisitorGetsThePublicPortalAndAUserTheirWork() throws Exception {
        String portal = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(portal).contains("/public/opinions/new", "/public/opinions/track", "/public/deputies",
                "/public/stations", "/public/appraisals", "/login");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
                .contains("/public/opinions/new", "/public/stations");
        assertThat(mvc.perform(get("/public/deputies")).andReturn().getResponse().getContentAsString())
                .contains("李春华", "public-deputy");
        assertThat(mvc.perform(get("/public/stations")).andReturn().getResponse().getContentAsString())
                .contains("安澜镇人大代表联络站");
        String code = jdbc.sql("select d.public_code from deputy d join app_user u on u.id = d.user_id"
                + " where u.username = 'deputy.li'").query(String.class).single();
        assertThat(mvc.perform(get("/public/deputies/" + code)).andReturn().getResponse().getContentAsString())
                .contains("deputy-contact", "/public/opinions/new?org=QH-AL");
        String home = mvc.perform(get("/").with(Logins.as(accounts, "unit.jiaotong"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(home).contains("unit-cases", "/cases/waiting?what=TO_SIGN", "/assessments/sheets/mine")
                .doesNotContain("stat-card");
    }
}
