package org.renda.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff JSON API runs a campaign's vote from creation to published results, each step with the pages' scope
 * (another town and the clerk on the presiding officer's steps answer 404), audit and problem details; the vote's
 * JSON names every derived invariant, {@code issuedWithinEligible} among them.
 */
@RendaIntegrationTest
class AppraisalAdminApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired AppraisalDesk desk;

    private final Map<String, String> tokens = new HashMap<>();

    private String token(String user) throws Exception {
        return tokens.computeIfAbsent(user, u -> {
            try {
                return (String) mvc.perform(post("/account/tokens").with(Logins.as(accounts, u)).with(csrf())
                        .param("name", "评议接口测试").param("days", "1")).andReturn().getFlashMap().get("newToken");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private MockHttpServletResponse call(String user, HttpMethod method, String path, String body, int expected)
            throws Exception {
        var req = request(method, path).header("Authorization", "Bearer " + token(user));
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse res = mvc.perform(req).andReturn().getResponse();
        assertThat(res.getStatus()).as(method + " " + path + " as " + user + ": " + res.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(res.getContentType()).startsWith("application/problem+json");
        }
        return res;
    }

    private JsonNode json(MockHttpServletResponse res) throws Exception {
        return JSON.readTree(res.getContentAsString(StandardCharsets.UTF_8));
    }

    private long county() {
        return orgs.findByCode("QH").orElseThrow().id();
    }

    @Test
    void aCampaignVoteFromCreationToPublishedResultsOverJson() throws Exception {
        String title = "接口评议 " + System.nanoTime();
        // The campaign: three units; another town's clerk cannot create one for the county.
        var created = call("county.staff", HttpMethod.POST, "/api/v1/appraisals", """
                {"orgId":%d,"forYear":2026,"title":"%s","kind":"UNITS","threshold":0.7,"allUnits":false}"""
                .formatted(county(), title), 201);
        long campaign = json(created).get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/appraisals/" + campaign);
        call("shiqiao.staff", HttpMethod.POST, "/api/v1/appraisals", """
                {"orgId":%d,"forYear":2026,"title":"越权","kind":"UNITS","threshold":0.7,"allUnits":false}"""
                .formatted(county()), 404);
        JsonNode invalid = json(call("county.staff", HttpMethod.POST, "/api/v1/appraisals", """
                {"orgId":%d,"forYear":1900,"title":"","kind":"UNITS","threshold":1.5}""".formatted(county()), 400));
        assertThat(invalid.get("errors").toString()).contains("forYear", "title", "threshold");
        As.run(accounts, "county.staff", () -> {
            desk.addSubject(campaign, "", orgs.findByCode("QH-D11").orElseThrow().id());
            desk.addSubject(campaign, "", orgs.findByCode("QH-D02").orElseThrow().id());
        });

        // Its vote, offering 弃权.
        var vote = json(call("county.staff", HttpMethod.POST, "/api/v1/appraisals/" + campaign + "/votes", """
                {"title":"%s满意度测评","scale":"FOUR_LEVEL","rule":"SATISFIED_SHARE","abstain":true}""".formatted(title),
                201));
        long id = vote.get("id").asLong();
        String publicCode = vote.get("publicCode").asString();
        call("anlan.staff", HttpMethod.POST, "/api/v1/appraisals/" + campaign + "/votes", """
                {"title":"越权","scale":"FOUR_LEVEL","rule":"SATISFIED_SHARE","abstain":false}""", 404);
        call("county.staff", HttpMethod.POST, "/api/v1/appraisals/" + campaign + "/votes", """
                {"title":"x","scale":"NINE_LEVEL","rule":"SATISFIED_SHARE"}""", 400);

        // The roll from the register, the whole sign-in sheet, the codes.
        JsonNode roll = json(call("county.staff", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/roll",
                "{\"fromOrgId\":null,\"level\":\"COUNTY\"}", 200));
        int added = roll.get("added").asInt();
        assertThat(added).isPositive();
        assertThat(roll.get("invariants").get("eligible").asInt()).isEqualTo(added);
        call("shiqiao.staff", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/roll", "{}", 404);
        JsonNode entries = json(call("county.staff", HttpMethod.GET, "/api/v1/appraisals/votes/" + id + "/roll", null, 200));
        List<Long> rollIds = new ArrayList<>();
        entries.forEach(e -> rollIds.add(e.get("id").asLong()));
        JsonNode inv = json(call("county.staff", HttpMethod.PUT, "/api/v1/appraisals/votes/" + id + "/issued",
                "{\"rollIds\":" + rollIds + "}", 200));
        assertThat(inv.get("issued").asInt()).isEqualTo(added);
        call("county.staff", HttpMethod.PUT, "/api/v1/appraisals/votes/" + id + "/issued", "{\"rollIds\":[-1]}", 404);
        JsonNode codes = json(call("county.staff", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/codes",
                "{\"count\":3}", 200)).get("codes");
        assertThat(codes).hasSize(3);
        call("county.staff", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/codes", "{\"count\":0}", 400);
        call("county.director", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/codes", "{\"count\":3}", 404);

        // Open; a second open is refused by the rule, as a problem detail naming it.
        assertThat(json(call("county.staff", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/open", null, 200))
                .get("vote").get("state").asString()).isEqualTo("OPEN");
        JsonNode again = json(call("county.staff", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/open", null, 422));
        assertThat(again.get("type").asString()).isEqualTo("urn:renda:problem:vote.error.notDraft");

        // Two ballots (one abstains on the first unit) and one paper slip.
        JsonNode detail = json(call("county.staff", HttpMethod.GET, "/api/v1/votes/" + id, null, 200));
        long first = detail.get("subjects").get(0).get("id").asLong();
        long second = detail.get("subjects").get(1).get("id").asLong();
        assertThat(detail.get("offersAbstain").asBoolean()).isTrue();
        for (String[] b : List.of(new String[] {"SATISFIED", "FAIRLY"}, new String[] {"ABSTAIN", "UNSATISFIED"})) {
            int n = b[0].equals("SATISFIED") ? 0 : 1;
            assertThat(mvc.perform(post("/api/v1/public/votes/" + publicCode + "/ballots")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"code\":\"%s\",\"choices\":{\"%d\":\"%s\",\"%d\":\"%s\"}}".formatted(
                            codes.get(n).asString(), first, b[0], second, b[1])))
                    .andReturn().getResponse().getStatus()).isEqualTo(201);
        }
        inv = json(call("county.staff", HttpMethod.PUT, "/api/v1/appraisals/votes/" + id + "/paper",
                "{\"paperBallots\":1,\"tallies\":{\"%d\":{\"BASIC\":1}}}".formatted(first), 200));
        assertThat(inv.get("ballots").asInt()).isEqualTo(2);
        assertThat(inv.get("returned").asInt()).isEqualTo(3);
        call("county.staff", HttpMethod.PUT, "/api/v1/appraisals/votes/" + id + "/paper",
                "{\"paperBallots\":0,\"tallies\":{\"%d\":{\"BASIC\":1}}}".formatted(first), 422);

        // Every derived invariant by its documented name; the misread "suedWithinEligible" is gone.
        String open = call("county.staff", HttpMethod.GET, "/api/v1/votes/" + id, null, 200)
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode invariants = JSON.readTree(open).get("invariants");
        assertThat(open).doesNotContain("\"suedWithinEligible\"", "\"rows\"");
        assertThat(invariants.get("issuedWithinEligible").asBoolean()).isTrue();
        assertThat(invariants.get("ballotsMatchSpent").asBoolean()).isTrue();
        assertThat(invariants.get("spentWithinCredentials").asBoolean()).isTrue();
        assertThat(invariants.get("castWithinIssued").asBoolean()).isTrue();
        assertThat(invariants.get("holds").asBoolean()).isTrue();

        // Closing and publishing: the presiding officer's, not the clerk's nor another town's chair's.
        call("county.staff", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/close", null, 404);
        call("anlan.chair", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/close", null, 404);
        JsonNode closed = json(call("county.director", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/close", null,
                200));
        assertThat(closed.get("vote").get("state").asString()).isEqualTo("CLOSED");
        JsonNode row = null;
        for (JsonNode r : closed.get("results").get("rows")) {
            if (r.get("subjectId").asLong() == first) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("returned").asInt()).isEqualTo(3);
        assertThat(row.get("valid").asInt()).isEqualTo(2);
        assertThat(row.get("abstained").asInt()).isEqualTo(1);
        assertThat(row.get("invalid").asInt()).isZero();
        assertThat(row.get("rate").decimalValue()).isEqualByComparingTo("0.5");
        call("county.director", HttpMethod.POST, "/api/v1/appraisals/votes/" + id + "/close", null, 422);
        call("county.staff", HttpMethod.PUT, "/api/v1/appraisals/votes/" + id + "/publication", "{\"published\":true}", 404);
        JsonNode published = json(call("county.director", HttpMethod.PUT, "/api/v1/appraisals/votes/" + id + "/publication",
                "{\"published\":true}", 200));
        assertThat(published.get("published").asBoolean()).isTrue();
        assertThat(mvc.perform(get("/api/v1/public/votes/" + publicCode + "/results")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);

        // Audited like the pages, under the caller's name.
        List<String> audited = jdbc.sql("select actor || ':' || action from audit_event where entity_type = 'vote' "
                + "and entity_id = ? order by seq").param(String.valueOf(id)).query(String.class).list();
        assertThat(audited).contains("county.staff:CREATED", "county.staff:ROLL_ADDED", "county.staff:ISSUED",
                "county.staff:CODES_PRINTED", "county.staff:OPENED", "county.staff:PAPER_ENTERED",
                "county.director:CLOSED", "county.director:PUBLISHED");
    }

    @Test
    void aStandAloneVoteNeedsItsSubjects() throws Exception {
        var v = json(call("county.staff", HttpMethod.POST, "/api/v1/appraisals/votes", """
                {"orgId":%d,"title":"接口述职评议 %d","scale":"COMPETENCE","rule":"SATISFIED_SHARE","threshold":0.8,
                 "subjects":["副县长甲","副县长乙"],"abstain":false}""".formatted(county(), System.nanoTime()), 201));
        assertThat(v.get("scale").asString()).isEqualTo("COMPETENCE");
        call("county.staff", HttpMethod.POST, "/api/v1/appraisals/votes", """
                {"orgId":%d,"title":"无对象","scale":"COMPETENCE","rule":"SATISFIED_SHARE","threshold":0.8,
                 "subjects":[],"abstain":false}""".formatted(county()), 400);
        call("shiqiao.staff", HttpMethod.POST, "/api/v1/appraisals/votes", """
                {"orgId":%d,"title":"越权","scale":"COMPETENCE","rule":"SATISFIED_SHARE","threshold":0.8,
                 "subjects":["甲"],"abstain":false}""".formatted(county()), 404);
    }
}
