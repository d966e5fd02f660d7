package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.org.OrgTree;
import org.renda.shared.Role;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Form sign-in, its throttle, CSRF and passwords as a user meets them. */
@RendaIntegrationTest
class SignInTest {

    @Autowired MockMvc mvc;
    @Autowired UserAdministration users;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;

    private String newUser() {
        String name = "u" + System.nanoTime() % 100_000_000;
        long town = orgs.findByCode("QH-LX").orElseThrow().id();
        SystemContext.run(() -> users.create(new UserAdministration.NewUser(name, "测试员", town, "13912345678", null,
                "first-pass1", List.of(new UserAdministration.GrantRequest(Role.STAFF, town)))));
        return name;
    }

    @Test
    void theLoginPageIsInChineseAndTheDemoAdminReachesTheDashboard() throws Exception {
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
                .contains("登录人大工作平台", "用户名", "密码");
        var login = mvc.perform(formLogin().user("admin").password("renda-demo")).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        var session = (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession();
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString())
                .contains("系统管理员，您好", "组织机构", "审计日志");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        assertThat(mvc.perform(get("/orgs")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
    }

    /** A request from this client address (each test keeps to its own, the throttle lives as long as the context). */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String signIn(String user, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf())
                .with(from(address))).andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void everyFailureGetsTheSameAnswerWhetherTheUserIsUnknownWrongWaitingOrDisabled() throws Exception {
        String name = newUser();
        String disabled = newUser();
        long disabledId = jdbc.sql("select id from app_user where username = ?").param(disabled).query(Long.class).single();
        jdbc.sql("update app_user set enabled = false where id = ?").param(disabledId).update();

        assertThat(signIn("nobody-" + name, "first-pass1", "198.51.100.1")).isEqualTo("/login?error");
        assertThat(signIn(name, "wrong-pass1", "198.51.100.2")).isEqualTo("/login?error");
        assertThat(signIn(disabled, "first-pass1", "198.51.100.3")).isEqualTo("/login?error");
        for (int i = 0; i < 10; i++) {
            signIn(name, "wrong-" + i, "198.51.100." + (10 + i));
        }
        assertThat(signIn(name, "first-pass1", "198.51.100.30")).as("waiting, even with the right password")
                .isEqualTo("/login?error");
        String page = mvc.perform(get("/login").param("error", "")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("用户名或密码错误，或尝试过于频繁").doesNotContain("锁定", "停用");
    }

    @Test
    void anAccountWaitsAfterTenFailuresFromAnywhereAndAnAdministratorLiftsTheWait() throws Exception {
        String name = newUser();
        for (int i = 0; i < 10; i++) { // ten addresses, one guess each: only the account's count can stop them
            assertThat(signIn(name, "wrong-" + i, "192.0.2." + (10 + i))).isEqualTo("/login?error");
        }
        assertThat(signIn(name, "first-pass1", "192.0.2.50")).isEqualTo("/login?error");

        long id = jdbc.sql("select id from app_user where username = ?").param(name).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'user' and entity_id = ? and action = 'SIGN_IN_DELAYED'")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        var admin = Logins.as(accounts, "admin");
        assertThat(mvc.perform(get("/users/" + id).with(admin)).andReturn().getResponse().getContentAsString())
                .contains("登录受限", "解除登录限制");
        mvc.perform(post("/users/" + id + "/unlock").with(csrf()).with(admin));
        assertThat(signIn(name, "first-pass1", "192.0.2.50")).isEqualTo("/");
    }

    @Test
    void aStrangerHammeringAdminIsHeldAtTheirOwnAddressAndAdminStillSignsIn() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertThat(signIn("admin", "guess-" + i, "203.0.113.66")).isEqualTo("/login?error");
        }
        assertThat(signIn("admin", "renda-demo", "203.0.113.66")).as("the stranger's address waits, unchecked")
                .isEqualTo("/login?error");
        assertThat(signIn("admin", "renda-demo", "198.51.100.200")).as("admin elsewhere is not locked out")
                .isEqualTo("/");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        int status = mvc.perform(post("/orgs/" + town + "/children").with(Logins.as(accounts, "anlan.staff"))
                .param("code", "CSRF-1").param("name", "跨站村").param("type", "VILLAGE")).andReturn().getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(orgs.findByCode("CSRF-1")).isEmpty();
    }

    @Test
    void passwordsAreStoredHashedAndCanBeChangedByTheirOwner() throws Exception {
        String name = newUser();
        String hash = jdbc.sql("select password_hash from app_user where username = ?").param(name)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("first-pass1");

        var as = Logins.as(accounts, name);
        var wrong = mvc.perform(post("/account/password").with(as).with(csrf()).param("current", "nope")
                .param("password", "second-pass2").param("confirm", "second-pass2")).andReturn();
        assertThat(wrong.getFlashMap().get("failure")).isEqualTo("当前密码不正确");
        var ok = mvc.perform(post("/account/password").with(as).with(csrf()).param("current", "first-pass1")
                .param("password", "second-pass2").param("confirm", "second-pass2")).andReturn();
        assertThat(ok.getFlashMap().get("success")).isEqualTo("密码已修改");
        assertThat(mvc.perform(formLogin().user(name).password("second-pass2")).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void theInterfaceSpeaksEnglishOnRequest() throws Exception {
        assertThat(mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse().getContentAsString())
                .contains("Sign in to Renda");
    }
}
