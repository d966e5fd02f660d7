package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.org.OrgTree;
import org.renda.shared.NotFoundException;
import org.renda.shared.Role;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A user's phone on the pages, and API tokens that belong to someone else. */
@RendaIntegrationTest
class AccountPrivacyTest {

    @Autowired MockMvc mvc;
    @Autowired UserAdministration users;
    @Autowired ApiTokens tokens;
    @Autowired UserDetailsService accounts;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;

    private UserView newUser(String phone) {
        String name = "p" + System.nanoTime() % 100_000_000;
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        return SystemContext.call(() -> users.create(new UserAdministration.NewUser(name, "隐私测试", town, phone, null,
                "first-pass1", List.of(new UserAdministration.GrantRequest(Role.STAFF, town)))));
    }

    @Test
    void theUserPageMasksThePhoneAsTheListDoesForAReaderWhoCannotEdit() throws Exception {
        UserView u = newUser("13987654321");
        String reader = mvc.perform(get("/users/" + u.id()).with(Logins.as(accounts, "anlan.staff"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(reader).contains("139****4321").doesNotContain("13987654321");
        String list = mvc.perform(get("/users").param("q", u.username()).with(Logins.as(accounts, "anlan.staff")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("139****4321").doesNotContain("13987654321");

        String editor = mvc.perform(get("/users/" + u.id()).with(Logins.as(accounts, "admin"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(editor).as("whoever may edit the record sees it whole").contains("13987654321");
    }

    @Test
    void revokingSomeoneElsesTokenAnswersNotFoundAndLeavesItWorking() throws Exception {
        String secret = Logins.call(accounts, "county.staff", () -> tokens.issue("同步脚本", 30));
        long id = jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.hash(secret))
                .query(Long.class).single();

        var page = mvc.perform(post("/account/tokens/" + id + "/revoke").with(csrf())
                .with(Logins.as(accounts, "anlan.staff"))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(404);
        assertThat(page.getFlashMap().get("success")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Logins.run(accounts, "anlan.staff", () -> tokens.revoke(id))).isInstanceOf(NotFoundException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Logins.run(accounts, "anlan.staff", () -> tokens.revoke(999_999_999L)))
                .isInstanceOf(NotFoundException.class);
        assertThat(tokens.authenticate(secret)).as("still usable").isPresent();

        var own = mvc.perform(post("/account/tokens/" + id + "/revoke").with(csrf())
                .with(Logins.as(accounts, "county.staff"))).andReturn();
        assertThat(own.getFlashMap().get("success")).isEqualTo("令牌已吊销");
        assertThat(tokens.authenticate(secret)).isEmpty();
    }
}
