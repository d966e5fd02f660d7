package org.renda.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.audit.AuditEntry;
import org.renda.audit.AuditTrail;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A town's meetings stay in the town: another town's clerk gets 404 for its meetings, materials, votes and
 * presidium, through the pages and the API; an invited deputy whose home is a village reads the town's session and its
 * materials, but not another town's; their answer is audited.
 */
@RendaIntegrationTest
class MeetingScopeTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree orgs;
    @Autowired AuditTrail audit;

    private long meeting(String title) {
        return jdbc.sql("select id from meeting where title = ?").param(title).query(Long.class).list().get(0);
    }

    private int status(String user, org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void anotherTownsMeetingsAnswerAsIfTheyDidNotExist() throws Exception {
        long anlanNext = meeting("安澜镇第十八届人民代表大会第十次会议");
        long anlanHeld = meeting("安澜镇第十八届人民代表大会第九次会议");
        long shiqiao = meeting("石桥镇第十八届人民代表大会第八次会议");
        long material = jdbc.sql("select min(id) from meeting_material where meeting_id = ?").param(anlanNext)
                .query(Long.class).single();
        long resolution = jdbc.sql("select min(id) from meeting_resolution where meeting_id = ?").param(anlanHeld)
                .query(Long.class).single();
        var sq = Logins.as(accounts, "shiqiao.staff");
        var al = Logins.as(accounts, "anlan.staff");

        assertThat(status("", get("/meetings/" + anlanNext).with(sq))).isEqualTo(404);
        assertThat(status("", get("/api/v1/meetings/" + anlanNext).with(sq))).isEqualTo(404);
        assertThat(status("", get("/meetings/materials/" + material).with(sq))).isEqualTo(404);
        assertThat(status("", get("/meetings/" + shiqiao).with(al))).isEqualTo(404);
        assertThat(status("", get("/meetings/" + shiqiao).with(sq))).isEqualTo(200);
        assertThat(status("", put("/api/v1/meetings/resolutions/" + resolution + "/vote").with(sq).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"votesFor\":1,\"votesAgainst\":0,\"votesAbstain\":0,\"notVoting\":0,\"version\":0}")))
                .isEqualTo(404);
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        assertThat(status("", post("/meetings/presidium").with(sq).with(csrf()).param("orgId", String.valueOf(town))
                .param("termNo", "18").param("memberIds", "1"))).as("another town's presidium").isEqualTo(404);
        assertThat(status("", get("/meetings/presidium").param("org", String.valueOf(town)).with(sq))).isEqualTo(404);

        String anlanList = mvc.perform(get("/meetings").with(al)).andReturn().getResponse().getContentAsString();
        assertThat(anlanList).contains("安澜镇第十八届人民代表大会第九次会议").doesNotContain("石桥镇第十八届");
        String shiqiaoList = mvc.perform(get("/meetings").with(sq)).andReturn().getResponse().getContentAsString();
        assertThat(shiqiaoList).contains("石桥镇第十八届").doesNotContain("安澜镇第十八届");
    }

    @Test
    void anInvitedVillageDeputyReadsTheTownsSessionAndAnswersAudited() throws Exception {
        long anlanNext = meeting("安澜镇第十八届人民代表大会第十次会议");
        long shiqiao = meeting("石桥镇第十八届人民代表大会第八次会议");
        long material = jdbc.sql("select min(id) from meeting_material where meeting_id = ?").param(anlanNext)
                .query(Long.class).single();
        var zhao = Logins.as(accounts, "deputy.zhao");
        assertThat(status("", get("/meetings/" + anlanNext).with(zhao))).isEqualTo(200);
        assertThat(status("", get("/meetings/materials/" + material).with(zhao))).isEqualTo(200);
        assertThat(status("", get("/meetings/" + shiqiao).with(zhao))).isEqualTo(404);

        var li = Logins.as(accounts, "deputy.li");
        var answered = mvc.perform(post("/meetings/" + anlanNext + "/respond").with(li).with(csrf())
                .param("response", "LEAVE").param("reason", "外出学习")).andReturn();
        assertThat(answered.getFlashMap().get("success")).isEqualTo("请假已提交");
        List<AuditEntry> log = Logins.call(accounts, "anlan.staff", () -> audit.history(MeetingDesk.AUDIT_TYPE,
                anlanNext));
        assertThat(log).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("RESPONDED");
            assertThat(e.actor()).isEqualTo("deputy.li");
        });
        // a leave needs its reason
        var refused = mvc.perform(post("/meetings/" + anlanNext + "/respond").with(li).with(csrf())
                .param("response", "LEAVE")).andReturn();
        assertThat(refused.getFlashMap().get("failure")).isEqualTo("请填写请假事由");
    }
}
