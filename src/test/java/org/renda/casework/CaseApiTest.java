package org.renda.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Source;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The casework steps over the staff JSON API with personal tokens: each step answers the case as it stands, is
 * written to the timeline and the audit log; a case outside the caller's reach is 404, a step its state does not
 * allow or a stale version 409, a bad body 400, a rule refusing it 422, all as problem details.
 */
@RendaIntegrationTest
class CaseApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired CaseDesk desk;

    private String tokenOf(String user) throws Exception {
        return (String) mvc.perform(post("/account/tokens").with(Logins.as(accounts, user)).with(csrf())
                .param("name", "办理脚本").param("days", "1")).andReturn().getFlashMap().get("newToken");
    }

    private long newCase(String title) {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        return Logins.call(accounts, "anlan.staff", () -> desk.intake(new CaseDesk.StaffIntake(town, Source.RECEPTION,
                Kind.OPINION, "交通出行", title, "村口道路破损。", null, "李大姐", "13700002222", false, null), List.of())
                .id());
    }

    private long transport() {
        return orgs.findByCode("QH-D11").orElseThrow().id();
    }

    private MockHttpServletResponse call(String method, String path, String token, String body) throws Exception {
        var req = (method.equals("GET") ? get(path) : post(path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "zh-CN");
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(req).andReturn().getResponse();
    }

    private JsonNode ok(String method, String path, String token, String body) throws Exception {
        MockHttpServletResponse res = call(method, path, token, body);
        assertThat(res.getStatus()).as(method + " " + path + " → " + res.getContentAsString()).isEqualTo(200);
        return JSON.readTree(res.getContentAsString());
    }

    private int audited(long id, String action) {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'case' and entity_id = ? and action = ?")
                .params(String.valueOf(id), action).query(Integer.class).single();
    }

    @Test
    void eachStepOfTheFlowIsTakenOverTheApiAndAudited() throws Exception {
        String staff = tokenOf("anlan.staff");
        String unit = tokenOf("unit.jiaotong");
        long id = newCase("接口办理：村口道路破损");

        JsonNode c = ok("GET", "/api/v1/cases/" + id, staff, null);
        assertThat(c.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(c.get("maskedPhone").asString()).isEqualTo("137****2222");
        assertThat(c.toString()).doesNotContain("13700002222");
        assertThat(c.get("actions").toString()).contains("TRIAGE", "ASSIGN");

        c = ok("POST", "/api/v1/cases/" + id + "/triage", staff, "{\"note\":\"受理\",\"version\":%d}"
                .formatted(c.get("version").asInt()));
        assertThat(c.get("state").asString()).isEqualTo("TRIAGED");
        assertThat(audited(id, "TRIAGE")).isEqualTo(1);

        JsonNode groups = ok("GET", "/api/v1/cases/" + id + "/units", staff, null);
        assertThat(groups.get(0).get("kind").asString()).isEqualTo("DEPARTMENT");
        assertThat(groups.toString()).contains("交通运输局", "VILLAGE");

        c = ok("POST", "/api/v1/cases/" + id + "/assign", staff, """
                {"leadUnitId":%d,"coUnitIds":[%d],"note":"请尽快处理","version":%d}""".formatted(transport(),
                orgs.findByCode("QH-D02").orElseThrow().id(), c.get("version").asInt()));
        assertThat(c.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(c.get("dueOn").isNull()).isFalse();
        assertThat(c.get("assignments")).hasSize(2);
        assertThat(audited(id, "ASSIGN")).isEqualTo(1);

        c = ok("POST", "/api/v1/cases/" + id + "/sign", unit, "{\"version\":%d}".formatted(c.get("version").asInt()));
        assertThat(c.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(audited(id, "SIGN")).isEqualTo(1);

        c = ok("POST", "/api/v1/cases/" + id + "/reply", unit, """
                {"text":"已修复破损路面。","outcome":"SOLVED","version":%d}""".formatted(c.get("version").asInt()));
        assertThat(c.get("state").asString()).isEqualTo("REPLIED");
        assertThat(c.get("outcome").asString()).isEqualTo("SOLVED");
        assertThat(audited(id, "REPLY")).isEqualTo(1);

        c = ok("POST", "/api/v1/cases/" + id + "/close", staff, "{\"version\":%d}".formatted(c.get("version").asInt()));
        assertThat(c.get("state").asString()).isEqualTo("CLOSED");
        assertThat(audited(id, "CLOSE")).isEqualTo(1);
        assertThat(jdbc.sql("select action from case_event where case_id = ? order by id").param(id).query(String.class)
                .list()).containsExactly("TRIAGE", "TRIAGE", "ASSIGN", "SIGN", "REPLY", "CLOSE");
        assertThat(jdbc.sql("select actor from case_event where case_id = ? and action = 'SIGN'").param(id)
                .query(String.class).single()).isEqualTo("unit.jiaotong");
    }

    @Test
    void aUnitReturnsAWronglyAssignedCaseWithItsReason() throws Exception {
        String staff = tokenOf("anlan.staff");
        String unit = tokenOf("unit.jiaotong");
        long id = newCase("接口退回：学校门口交通安全");
        JsonNode c = ok("POST", "/api/v1/cases/" + id + "/assign", staff, "{\"leadUnitId\":%d,\"version\":0}"
                .formatted(transport()));
        MockHttpServletResponse blank = call("POST", "/api/v1/cases/" + id + "/return", unit,
                "{\"reason\":\"\",\"version\":%d}".formatted(c.get("version").asInt()));
        assertThat(blank.getStatus()).isEqualTo(400);
        assertThat(blank.getContentAsString()).contains("\"field\":\"reason\"");
        c = ok("POST", "/api/v1/cases/" + id + "/return", unit, "{\"reason\":\"属教育局职责\",\"version\":%d}"
                .formatted(c.get("version").asInt()));
        assertThat(c.get("state").asString()).isEqualTo("RETURNED");
        assertThat(audited(id, "RETURN")).isEqualTo(1);
        assertThat(jdbc.sql("select end_reason from case_assignment where case_id = ?").param(id).query(String.class)
                .single()).isEqualTo("属教育局职责");
    }

    @Test
    void aCaseOutsideTheCallersReachIsNotFound() throws Exception {
        String other = tokenOf("shiqiao.staff");
        String unit = tokenOf("unit.jiaotong");
        long id = newCase("接口范围：另一镇看不到");
        for (String path : List.of("", "/units")) {
            assertThat(call("GET", "/api/v1/cases/" + id + path, other, null).getStatus()).isEqualTo(404);
        }
        MockHttpServletResponse res = call("POST", "/api/v1/cases/" + id + "/assign", other,
                "{\"leadUnitId\":%d,\"version\":0}".formatted(transport()));
        assertThat(res.getStatus()).isEqualTo(404);
        assertThat(res.getContentType()).startsWith("application/problem+json");
        assertThat(call("POST", "/api/v1/cases/" + id + "/sign", unit, "{\"version\":0}").getStatus())
                .as("not assigned to that unit").isEqualTo(404);
        assertThat(call("POST", "/api/v1/cases/99999999/triage", other, "{\"version\":0}").getStatus()).isEqualTo(404);
        assertThat(audited(id, "ASSIGN")).isZero();
        assertThat(jdbc.sql("select state from case_item where id = ?").param(id).query(String.class).single())
                .isEqualTo("RECEIVED");
    }

    @Test
    void aStepTheStateDoesNotAllowOrAStaleVersionIsAConflict() throws Exception {
        String staff = tokenOf("anlan.staff");
        long id = newCase("接口冲突：状态与版本");
        MockHttpServletResponse early = call("POST", "/api/v1/cases/" + id + "/close", staff, "{\"version\":0}");
        assertThat(early.getStatus()).isEqualTo(409);
        assertThat(early.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(early.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("urn:renda:problem:case.error.stepNotOpen");
        assertThat(problem.get("detail").asString()).isEqualTo("该件当前不能执行此步骤，请重新读取后再试");

        ok("POST", "/api/v1/cases/" + id + "/triage", staff, "{\"version\":0}");
        MockHttpServletResponse stale = call("POST", "/api/v1/cases/" + id + "/assign", staff,
                "{\"leadUnitId\":%d,\"version\":0}".formatted(transport()));
        assertThat(stale.getStatus()).as(stale.getContentAsString()).isEqualTo(409);
        assertThat(JSON.readTree(stale.getContentAsString()).get("type").asString())
                .isEqualTo("urn:renda:problem:error.concurrentEdit");
        assertThat(audited(id, "CLOSE") + audited(id, "ASSIGN")).isZero();
    }

    @Test
    void aBadBodyOrAUnitTheCaseCannotGoToIsRefused() throws Exception {
        String staff = tokenOf("anlan.staff");
        long id = newCase("接口校验：承办单位");
        MockHttpServletResponse missing = call("POST", "/api/v1/cases/" + id + "/assign", staff, "{\"version\":0}");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString()).contains("\"field\":\"leadUnitId\"");
        long otherTown = orgs.findByCode("QH-SQ").orElseThrow().id();
        MockHttpServletResponse elsewhere = call("POST", "/api/v1/cases/" + id + "/assign", staff,
                "{\"leadUnitId\":%d,\"version\":0}".formatted(otherTown));
        assertThat(elsewhere.getStatus()).isEqualTo(422);
        assertThat(JSON.readTree(elsewhere.getContentAsString()).get("type").asString())
                .isEqualTo("urn:renda:problem:case.error.unit");
        assertThat(call("POST", "/api/v1/cases/" + id + "/reply", staff, "{\"text\":\"x\",\"outcome\":\"MAYBE\",\"version\":0}")
                .getStatus()).isEqualTo(400);
    }
}
