package org.renda.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The JSON API: bearer tokens, problem details for every error, OpenAPI, health. */
@RendaIntegrationTest
class ApiTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;

    private String tokenOf(String user) throws Exception {
        MvcResult r = mvc.perform(post("/account/tokens").with(Logins.as(accounts, user)).with(csrf())
                .param("name", "测试令牌").param("days", "30")).andReturn();
        return (String) r.getFlashMap().get("newToken");
    }

    @Test
    void aTokenSignsTheCallerIn() throws Exception {
        String token = tokenOf("anlan.staff");
        String body = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getContentAsString();
        assertThat(body).contains("\"username\":\"anlan.staff\"", "安澜镇");
    }

    @Test
    void noOrABadTokenAnswers401AsProblemDetails() throws Exception {
        for (String header : new String[] {null, "Bearer rnd_forged", "Basic YWRtaW46cmVuZGEtZGVtbw=="}) {
            var req = get("/api/v1/me");
            if (header != null) {
                req.header("Authorization", header);
            }
            var res = mvc.perform(req).andReturn().getResponse();
            assertThat(res.getStatus()).isEqualTo(401);
            assertThat(res.getContentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void invalidBodiesAnswer400NamingTheFields() throws Exception {
        String token = tokenOf("anlan.staff");
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        var res = mvc.perform(post("/api/v1/orgs").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"bad code!\",\"name\":\"\",\"type\":\"VILLAGE\",\"parentId\":" + town + "}"))
                .andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentType()).startsWith("application/problem+json");
        assertThat(res.getContentAsString()).contains("\"field\":\"code\"", "\"field\":\"name\"");

        var malformed = mvc.perform(post("/api/v1/orgs").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\": ")).andReturn().getResponse();
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getContentType()).startsWith("application/problem+json");
        assertThat(malformed.getContentAsString()).doesNotContain("Exception", "at org.");
    }

    @Test
    void aValidBodyCreatesAndAForeignParentLooksAbsent() throws Exception {
        String token = tokenOf("anlan.staff");
        long own = orgs.findByCode("QH-AL").orElseThrow().id();
        long foreign = orgs.findByCode("QH-SQ").orElseThrow().id();
        String code = "API-" + System.nanoTime() % 1_000_000;
        var created = mvc.perform(post("/api/v1/orgs").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"name\":\"接口村\",\"type\":\"VILLAGE\",\"parentId\":" + own + "}"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getHeader("Location")).startsWith("/api/v1/orgs/");

        var refused = mvc.perform(post("/api/v1/orgs").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "X\",\"name\":\"越权村\",\"type\":\"VILLAGE\",\"parentId\":" + foreign + "}"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(refused.getContentAsString()).contains("不在您的管辖范围内");
    }

    @Test
    void theRegisterListsDeputiesWithMaskedPhonesAndADeputyRecordsADutyOverJson() throws Exception {
        String token = tokenOf("deputy.li");
        String list = mvc.perform(get("/api/v1/deputies").param("text", "李春华").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("李春华", "\"maskedPhone\":\"139****").doesNotContainPattern("1390000\\d{4}");
        long id = Long.parseLong(list.replaceAll("(?s).*?\"rows\":\\[\\{\"id\":(\\d+).*", "$1"));
        var created = mvc.perform(post("/api/v1/deputies/" + id + "/duties").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"INSPECTION\",\"occurredOn\":\"2026-03-02\",\"title\":\"视察农村饮水工程\"}"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString()).contains("\"status\":\"SUBMITTED\"");
        var bad = mvc.perform(post("/api/v1/deputies/" + id + "/duties").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"NOPE\",\"title\":\"\"}"))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void theApiIsDescribedByOpenApiAndHealthReportsTheDatabase() throws Exception {
        assertThat(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString())
                .contains("\"/api/v1/orgs\"", "\"/api/v1/me\"", "bearer");
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString())
                .contains("\"db\":{\"status\":\"UP\"");
    }
}
