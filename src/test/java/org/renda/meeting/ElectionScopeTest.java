package org.renda.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.audit.AuditCodes;
import org.renda.identity.Logins;
import org.renda.meeting.ElectionDesk.CandidateForm;
import org.renda.meeting.ElectionDesk.ElectionStepForm;
import org.renda.meeting.ElectionEnums.ElectionKind;
import org.renda.meeting.ElectionEnums.ElectionStep;
import org.renda.meeting.ElectionEnums.Nomination;
import org.renda.meeting.ElectionViews.ByElectionFigure;
import org.renda.meeting.ElectionViews.ElectionSummary;
import org.renda.meeting.ElectionViews.ElectionFigures;
import org.renda.org.OrgTree;
import org.renda.shared.NotFoundException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Elections stay inside the organisation's subtree: another town's clerk neither lists, opens nor changes them (404,
 * nothing saved); the county sees every town and sums them; every change is in the audit log with a labelled code.
 */
@RendaIntegrationTest
class ElectionScopeTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired ElectionDesk desk;

    private long demoElection(String code, String kind) {
        long org = orgs.findByCode(code).orElseThrow().id();
        return jdbc.sql("select min(id) from election where org_id = ? and kind = ?").params(org, kind)
                .query(Long.class).single();
    }

    @Test
    void anotherTownsClerkNeitherListsNorOpensNorChangesAnElection() throws Exception {
        long anlan = demoElection("QH-AL", "BY_ELECTION");
        long shiqiao = demoElection("QH-SQ", "BY_ELECTION");
        List<ElectionSummary> theirs = Logins.call(accounts, "shiqiao.staff", () -> desk.list(null));
        assertThat(theirs).extracting(ElectionSummary::id).contains(shiqiao).doesNotContain(anlan);
        assertThat(theirs).extracting(ElectionSummary::orgName).containsOnly("石桥镇");
        assertThatThrownBy(() -> Logins.call(accounts, "shiqiao.staff", () -> desk.get(anlan)))
                .isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get("/meetings/elections/" + anlan).with(Logins.as(accounts, "shiqiao.staff")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        int candidates = jdbc.sql("select count(*) from election_candidate where election_id = ?").param(anlan)
                .query(Integer.class).single();
        assertThat(mvc.perform(post("/meetings/elections/" + anlan + "/candidates").with(Logins.as(accounts,
                "shiqiao.staff")).with(csrf()).param("name", "越权者").param("nomination", "PARTIES"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from election_candidate where election_id = ?").param(anlan)
                .query(Integer.class).single()).isEqualTo(candidates);
        // a deputy reads the town's elections, but records nothing
        assertThat(Logins.call(accounts, "deputy.li", () -> desk.get(anlan)).orgName()).isEqualTo("安澜镇");
        assertThatThrownBy(() -> Logins.call(accounts, "deputy.li", () -> desk.addCandidate(shiqiao,
                new CandidateForm("越权者", null, null, null, null, Nomination.PARTIES, null, null))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theCountySeesEveryTownsByElectionsAndTheirSum() {
        ElectionFigures county = Logins.call(accounts, "county.staff", () -> desk.figures(2021));
        assertThat(county.byElections()).extracting(ByElectionFigure::orgName).contains("安澜镇", "石桥镇");
        assertThat(county.total().held()).isEqualTo(county.byElections().stream().mapToInt(ByElectionFigure::held).sum());
        ByElectionFigure anlan = county.byElections().stream().filter(f -> f.orgName().equals("安澜镇")).findFirst()
                .orElseThrow();
        assertThat(anlan.confirmed()).isGreaterThanOrEqualTo(1);
        assertThat(anlan.seatsAdded()).isGreaterThanOrEqualTo(1);
        assertThat(county.sessions()).anySatisfy(s -> {
            assertThat(s.orgName()).isEqualTo("安澜镇");
            assertThat(s.sitting()).isEqualTo("安澜镇第十八届人民代表大会第五次会议");
            assertThat(s.sworn()).isEqualTo(1);
        });
        ElectionFigures town = Logins.call(accounts, "shiqiao.staff", () -> desk.figures(2021));
        assertThat(town.byElections()).extracting(ByElectionFigure::orgName).containsExactly("石桥镇");
        assertThat(town.sessions()).isEmpty();
    }

    @Test
    void everyChangeIsAuditedWithACodeTheLogKnows() {
        long org = orgs.findByCode("QH-AL").orElseThrow().id();
        long session = jdbc.sql("select min(id) from meeting where org_id = ? and kind = 'SESSION'").param(org)
                .query(Long.class).single();
        var e = Logins.call(accounts, "anlan.staff", () -> desk.create(new ElectionDesk.ElectionForm(org,
                ElectionKind.CONGRESS, "选举镇长（审计测试）", session, "第十八届人民代表大会第七次会议", "镇长", null, null,
                null, null, null, null, null, 1, null)));
        assertThat(e.meetingId()).as("the session it belongs to").isEqualTo(session);
        Logins.run(accounts, "anlan.staff", () -> {
            desk.addCandidate(e.id(), new CandidateForm("审计候选", null, null, null, null, Nomination.PRESIDIUM, null,
                    null));
            desk.recordStep(e.id(), new ElectionStepForm(ElectionStep.NOMINATED, LocalDate.now(), null));
        });
        List<String[]> entries = jdbc.sql("select entity_type, action, actor from audit_event where entity_type ="
                        + " 'election' and entity_id = ? order by seq").param(String.valueOf(e.id()))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(entries).extracting(x -> x[1]).containsExactly("CREATED", "CANDIDATE_ADDED", "STEP_RECORDED");
        assertThat(entries).allSatisfy(x -> {
            assertThat(AuditCodes.TYPES).contains(x[0]);
            assertThat(AuditCodes.ACTIONS).contains(x[1]);
            assertThat(x[2]).isEqualTo("anlan.staff");
        });
        assertThat(AuditCodes.ACTIONS).contains("ROUND_COUNTED", "RESULT_ANNOUNCED", "OATH_TAKEN",
                "QUALIFICATION_CONFIRMED", "QUALIFICATION_REFUSED");
    }

    @Test
    void noTableKeepsWhoVotedForWhom() {
        List<String> columns = jdbc.sql("select lower(column_name) from information_schema.columns where"
                + " lower(table_name) in ('election', 'election_round', 'election_tally', 'election_candidate',"
                + " 'election_step')").query(String.class).list();
        assertThat(columns).isNotEmpty().noneMatch(c -> c.contains("voter_id") || c.contains("user_id")
                || c.contains("ballot_id") || c.equals("deputy_voter"));
        assertThat(columns).contains("votes_for", "votes_against", "votes_abstain", "votes_cast");
    }
}
