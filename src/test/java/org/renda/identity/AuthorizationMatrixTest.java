package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every role against records inside and outside its subtree, through every door (page, API, export,
 * history, write). A foreign record answers 404 as if it did not exist. Remove any scope check and a
 * row of this table fails.
 */
@RendaIntegrationTest
class AuthorizationMatrixTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired UserStore users;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The records of the demo county the matrix aims at. */
    private String resolve(String record) {
        return switch (record) {
            case "anlanVillage" -> id("QH-AL-V01");
            case "shiqiaoVillage" -> id("QH-SQ-V01");
            case "anlan" -> id("QH-AL");
            case "shiqiao" -> id("QH-SQ");
            case "county" -> id("QH");
            case "transportBureau" -> id("QH-D11");
            case "anlanStaffUser" -> String.valueOf(users.byUsername("anlan.staff").orElseThrow().id());
            case "shiqiaoStaffUser" -> String.valueOf(users.byUsername("shiqiao.staff").orElseThrow().id());
            case "anlanDeputy" -> String.valueOf(jdbc.sql("select d.id from deputy d join app_user u on u.id = d.user_id"
                    + " where u.username = 'deputy.li'").query(Long.class).single());
            default -> throw new IllegalArgumentException(record);
        };
    }

    private String id(String code) {
        return String.valueOf(orgs.findByCode(code).orElseThrow().id());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // who,          what,        record,           allowed
        "anlan.staff,    page,        anlanVillage,     true",
        "anlan.staff,    page,        shiqiaoVillage,   false",
        "anlan.staff,    api,         anlanVillage,     true",
        "anlan.staff,    api,         shiqiaoVillage,   false",
        "anlan.staff,    api,         county,           false",
        "anlan.staff,    export,      shiqiao,          false",
        "anlan.staff,    export,      anlan,            true",
        "anlan.staff,    history,     shiqiaoVillage,   false",
        "anlan.staff,    history,     anlanVillage,     true",
        "anlan.staff,    createUnder, anlan,            true",
        "anlan.staff,    createUnder, shiqiao,          false",
        "anlan.staff,    rename,      shiqiaoVillage,   false",
        "anlan.staff,    deactivate,  shiqiaoVillage,   false",
        "anlan.staff,    user,        shiqiaoStaffUser, false",
        "anlan.staff,    user,        anlanStaffUser,   true",
        "shiqiao.staff,  page,        anlanVillage,     false",
        "shiqiao.staff,  api,         shiqiaoVillage,   true",
        "shiqiao.staff,  createUnder, anlan,            false",
        "shiqiao.staff,  user,        anlanStaffUser,   false",
        "deputy.li,      page,        anlanVillage,     true",
        "deputy.li,      page,        shiqiaoVillage,   false",
        "deputy.li,      createUnder, anlan,            false",
        "deputy.li,      rename,      anlanVillage,     false",
        "deputy.li,      user,        anlanStaffUser,   false",
        "deputy.li,      history,     anlanVillage,     false",
        "unit.jiaotong,  page,        transportBureau,  true",
        "unit.jiaotong,  page,        anlanVillage,     false",
        "unit.jiaotong,  api,         county,           false",
        "county.staff,   page,        shiqiaoVillage,   true",
        "county.staff,   createUnder, shiqiao,          true",
        "county.staff,   user,        shiqiaoStaffUser, true",
        "county.director, rename,     anlanVillage,     false",
        "county.director, page,       anlanVillage,     true",
        "city.superior,  api,         anlanVillage,     true",
        "city.superior,  createUnder, anlan,            false",
        "eval.wang,      user,        anlanStaffUser,   false",
        "anlan.staff,    deputy,      anlanDeputy,      true",
        "anlan.staff,    archive,     anlanDeputy,      true",
        "shiqiao.staff,  deputy,      anlanDeputy,      false",
        "shiqiao.staff,  archive,     anlanDeputy,      false",
        "shiqiao.staff,  photoUpload, anlanDeputy,      false",
        "unit.jiaotong,  deputy,      anlanDeputy,      false",
        "county.staff,   archive,     anlanDeputy,      true",
        "deputy.zhao,    photoUpload, anlanDeputy,      false",
    })
    void aUserReachesOnlyTheirOwnSubtree(String who, String what, String record, boolean allowed) throws Exception {
        var as = Logins.as(accounts, who);
        String id = resolve(record);
        MvcResult result = switch (what) {
            case "page" -> mvc.perform(get("/orgs/" + id).with(as)).andReturn();
            case "api" -> mvc.perform(get("/api/v1/orgs/" + id).with(as)).andReturn();
            case "export" -> mvc.perform(get("/orgs/" + id + "/export").with(as)).andReturn();
            case "history" -> mvc.perform(get("/audit/history").param("type", "organisation").param("id", id)
                    .with(as)).andReturn();
            case "user" -> mvc.perform(get("/users/" + id).with(as)).andReturn();
            case "deputy" -> mvc.perform(get("/deputies/" + id).with(as)).andReturn();
            case "archive" -> mvc.perform(get("/deputies/" + id + "/archive").with(as)).andReturn();
            case "photoUpload" -> mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .multipart("/deputies/" + id + "/photo").file(new org.springframework.mock.web.MockMultipartFile(
                            "photo", "p.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0}))
                    .with(as).with(csrf())).andReturn();
            case "createUnder" -> mvc.perform(post("/orgs/" + id + "/children").with(as).with(csrf())
                    .param("code", "MX-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet())
                    .param("name", "矩阵测试村").param("type", "VILLAGE").param("sortOrder", "99")).andReturn();
            case "rename" -> mvc.perform(post("/orgs/" + id).with(as).with(csrf()).param("name", "被改名")
                    .param("type", "VILLAGE").param("sortOrder", "1").param("version", "999")).andReturn();
            case "deactivate" -> mvc.perform(post("/orgs/" + id + "/deactivate").with(as).with(csrf())).andReturn();
            default -> throw new IllegalArgumentException(what);
        };
        int status = result.getResponse().getStatus();
        if (allowed) {
            assertThat(status).as("status").isIn(200, 302);
            if (what.equals("createUnder")) {
                assertThat(result.getResponse().getRedirectedUrl()).matches("/orgs/\\d+");
            }
        } else {
            assertThat(status).as("a foreign record must look absent").isEqualTo(404);
            if (!what.equals("api") && !what.equals("export")) {
                assertThat(result.getResponse().getContentAsString()).as("the error page keeps the menu")
                        .contains("退出");
            }
            assertThat(result.getResponse().getContentAsString()).doesNotContain("被改名", "矩阵测试村");
        }
    }

    @ParameterizedTest
    @CsvSource({"anlan.staff, 石桥村", "shiqiao.staff, 东湖村", "deputy.li, 石桥村"})
    void searchNeverListsAForeignOrganisation(String who, String foreignName) throws Exception {
        String body = mvc.perform(get("/orgs/search").param("q", foreignName).with(Logins.as(accounts, who)))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(foreignName);
        String api = mvc.perform(get("/api/v1/orgs").param("q", foreignName).with(Logins.as(accounts, who)))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource({"anlan.staff, shiqiao.staff", "shiqiao.staff, anlan.staff"})
    void theUserListShowsOnlyUsersOfTheSubtreeWithPhonesMasked(String who, String foreign) throws Exception {
        String body = mvc.perform(get("/users").with(Logins.as(accounts, who))).andReturn().getResponse()
                .getContentAsString();
        assertThat(body).contains(who).doesNotContain(foreign).doesNotContainPattern("1380000\\d{4}");
    }
}
