package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.renda.deputy.DeputyRegister.NewDeputy;
import org.renda.deputy.DeputyRegister.PersonForm;
import org.renda.deputy.DeputyRegister.SeatForm;
import org.renda.identity.BulkAccounts.IssuedAccount;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Accounts for a town's deputies in one step: only deputies in the clerk's reach, never twice, linked to the
 * deputy's file; the generated password signs in once and must be replaced before anything else; the slips are a
 * PDF with every name and no placeholder, downloadable once.
 */
@RendaIntegrationTest
class DeputyAccountsTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired DeputyAccounts deputyAccounts;
    @Autowired DeputyRegister register;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    /** A deputy of our own in office in a village of 安澜镇, without an account. */
    private long newDeputy(String name) {
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        long village = orgs.findByCode("QH-AL-V04").orElseThrow().id();
        return SystemContext.call(() -> register.register(new NewDeputy(village,
                new PersonForm(name, "男", null, null, null, null, "农民", null, "13912345678", null, null),
                new SeatForm(town, DeputyLevel.TOWN, 18, 2021, 2026, null, null, null, null, MandateStatus.ELECTED,
                        LocalDate.of(2021, 12, 28), null)))).id();
    }

    private static String name(String base) {
        return base + "测" + (char) ('甲' + SEQ.incrementAndGet() % 10) + System.nanoTime() % 1000;
    }

    @Test
    void aClerkCreatesAccountsForTheTownsDeputiesLinkedToTheirFilesAndNeverTwice() {
        long a = newDeputy(name("王"));
        long b = newDeputy(name("陈"));
        var overview = Logins.call(accounts, "anlan.staff", () -> deputyAccounts.overview(
                orgs.findByCode("QH-AL").orElseThrow().id()));
        assertThat(overview.candidates()).extracting(DeputyAccounts.Candidate::deputyId).contains(a, b);
        assertThat(overview.candidates()).allSatisfy(c -> assertThat(c.maskedPhone()).doesNotContain("12345678"));

        List<IssuedAccount> issued = Logins.call(accounts, "anlan.staff",
                () -> deputyAccounts.create(List.of(a, b), Map.of(), "http://renda.test/login", false)).accounts();

        assertThat(issued).extracting(IssuedAccount::username).containsExactlyInAnyOrder("d" + a, "d" + b);
        assertThat(issued).allSatisfy(i -> {
            assertThat(i.password()).matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}")
                    .doesNotContain("0", "O", "1", "l", "I", "o");
            assertThat(i.toString()).doesNotContain(i.password());
        });
        assertThat(linkedUser(a)).isEqualTo(issued.stream().filter(i -> i.username().equals("d" + a)).findFirst()
                .orElseThrow().userId());
        assertThat(jdbc.sql("select role from role_grant where user_id = ?").param(linkedUser(a)).query(String.class)
                .single()).isEqualTo("DEPUTY");
        assertThat(jdbc.sql("select must_change_password from app_user where id = ?").param(linkedUser(a))
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'user' and entity_id = ?"
                        + " and action = 'CREATED' and after_state like '%generated%'")
                .param(String.valueOf(linkedUser(a))).query(Long.class).single()).isEqualTo(1);
        issued.forEach(i -> assertThat(jdbc.sql("select count(*) from audit_event where after_state like ?")
                .param("%" + i.password() + "%").query(Long.class).single()).as("no password in the audit").isZero());

        long c = newDeputy(name("刘"));
        assertThatThrownBy(() -> Logins.call(accounts, "anlan.staff",
                () -> deputyAccounts.create(List.of(c, a), Map.of(), "http://renda.test/login", false)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("accounts.deputies.hasAccount");
        assertThat(linkedUser(c)).as("the whole batch is refused").isNull();
        var after = Logins.call(accounts, "anlan.staff", () -> deputyAccounts.overview(null));
        assertThat(after.choices()).isNotEmpty();
    }

    @Test
    void aClerkOfAnotherTownNeitherSeesNorCreatesAccountsForTheseDeputies() {
        long a = newDeputy(name("赵"));
        var overview = Logins.call(accounts, "shiqiao.staff", () -> deputyAccounts.overview(null));
        assertThat(overview.candidates()).extracting(DeputyAccounts.Candidate::deputyId).doesNotContain(a);
        assertThat(overview.choices()).extracting(DeputyAccounts.OrgChoice::name).doesNotContain("安澜镇");
        assertThatThrownBy(() -> Logins.call(accounts, "shiqiao.staff",
                () -> deputyAccounts.create(List.of(a), Map.of(), "http://renda.test/login", false)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Logins.call(accounts, "anlan.chair",
                () -> deputyAccounts.create(List.of(a), Map.of(), "http://renda.test/login", false)))
                .as("the presiding role keeps no register and creates no accounts")
                .isInstanceOf(NotFoundException.class);
        assertThat(linkedUser(a)).isNull();
    }

    @Test
    void theOneTimePasswordSignsInOnceAndMustBeReplacedBeforeAnythingElse() throws Exception {
        long a = newDeputy(name("孙"));
        IssuedAccount issued = Logins.call(accounts, "anlan.staff",
                () -> deputyAccounts.create(List.of(a), Map.of(), "http://renda.test/login", false)).accounts().get(0);

        MvcResult signedIn = mvc.perform(formLogin("/login").user(issued.username()).password(issued.password()))
                .andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();
        for (String page : List.of("/", "/deputies", "/account", "/cases")) {
            MvcResult r = mvc.perform(get(page).session(session)).andReturn();
            assertThat(r.getResponse().getRedirectedUrl()).as(page).isEqualTo("/account/first-password");
        }
        assertThat(mvc.perform(get("/account/first-password").session(session)).andReturn().getResponse()
                .getContentAsString()).contains("设置您的密码").doesNotContain("{0}");

        MvcResult changed = mvc.perform(post("/account/first-password").session(session).with(csrf())
                .param("current", issued.password()).param("password", "Qinghe-deputy-77")
                .param("confirm", "Qinghe-deputy-77")).andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select must_change_password from app_user where id = ?").param(issued.userId())
                .query(Boolean.class).single()).isFalse();

        MvcResult again = mvc.perform(formLogin("/login").user(issued.username()).password(issued.password()))
                .andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).as("the one-time password is spent")
                .isEqualTo("/login?error");
        MvcResult own = mvc.perform(formLogin("/login").user(issued.username()).password("Qinghe-deputy-77"))
                .andReturn();
        assertThat(own.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/").session((MockHttpSession) own.getRequest().getSession())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theRegisterPageCreatesAccountsAndItsSlipsArePrintableOnce() throws Exception {
        String first = name("周");
        String second = name("吴");
        long a = newDeputy(first);
        long b = newDeputy(second);
        long town = orgs.findByCode("QH-AL").orElseThrow().id();
        MockHttpSession session = new MockHttpSession();
        var as = Logins.as(accounts, "anlan.staff");

        String page = mvc.perform(get("/deputies/accounts").param("orgId", String.valueOf(town)).session(session)
                .with(as)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(first, second).doesNotContain("{0}", "??");

        MvcResult created = mvc.perform(post("/deputies/accounts").session(session).with(as).with(csrf())
                .param("orgId", String.valueOf(town)).param("deputyId", String.valueOf(a), String.valueOf(b))
                .param("email." + a, "").param("mail", "true")).andReturn();
        assertThat(created.getFlashMap().get("success")).asString().contains("2");
        String key = (String) created.getFlashMap().get("slipKey");
        assertThat(key).isNotBlank();

        MvcResult slips = mvc.perform(get("/users/slips/" + key).session(session).with(as)).andReturn();
        assertThat(slips.getResponse().getContentType()).isEqualTo("application/pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(slips.getResponse().getContentAsByteArray())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains(first, second, "d" + a, "d" + b, "一次性密码", "/login")
                .doesNotContain("{0}", "{1}", "??", "accounts.slip");
        assertThat(mvc.perform(get("/users/slips/" + key).session(session).with(as)).andReturn().getResponse()
                .getStatus()).as("the slips are made once").isEqualTo(404);
        assertThat(mvc.perform(get("/users/slips/" + key).with(Logins.as(accounts, "shiqiao.staff"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    private Long linkedUser(long deputyId) {
        return jdbc.sql("select user_id from deputy where id = ?").param(deputyId)
                .query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1)).list().get(0);
    }
}
