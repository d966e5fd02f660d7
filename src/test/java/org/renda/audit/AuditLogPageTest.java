package org.renda.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log as a clerk searches it: by who (a person's name), what action, which record and when, 50 entries a
 * page with the filter kept while paging, in words rather than codes, and within the reader's reach as before.
 */
@RendaIntegrationTest
class AuditLogPageTest {

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td class=\"seq");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired AuditTrail trail;
    @Autowired OrgTree orgs;
    @Autowired TransactionTemplate tx;

    private String caseId;

    /** One rating of a case in 安澜镇, recorded by the town's clerk 张丽 (anlan.staff). */
    @BeforeEach
    void aRatingByTheTownsClerk() {
        caseId = String.valueOf(900_000_000L + System.nanoTime() % 99_000_000L);
        long anlan = orgs.findByCode("QH-AL").orElseThrow().id();
        Logins.run(accounts, "anlan.staff", () -> tx.executeWithoutResult(s -> trail.record(anlan, "case", caseId,
                "RATE", null, Map.of("title", "审计筛选测试件", "rating", "SATISFIED"))));
    }

    @Test
    void findsAnEntryByPersonActionRecordAndDayAndNamesItInWords() throws Exception {
        String today = LocalDate.now().toString();
        String page = page("admin", "/audit?who=张丽&action=RATE&type=case&id=" + caseId + "&from=" + today
                + "&to=" + today);
        assertThat(rows(page)).isEqualTo(1);
        assertThat(page).contains("意见建议：审计筛选测试件", "张丽", "评价", "共 1 条变更");
        assertThat(text(page)).doesNotContain("anlan.staff", "RATE", "SATISFIED", "case #");
        assertThat(page).containsPattern("<option value=\"RATE\" selected=\"selected\">评价</option>");
    }

    @Test
    void eachFilterNarrowsTheLog() throws Exception {
        assertThat(rows(page("admin", "/audit?id=" + caseId + "&action=CLOSE"))).isZero();
        assertThat(rows(page("admin", "/audit?id=" + caseId + "&type=vote"))).isZero();
        assertThat(rows(page("admin", "/audit?id=" + caseId + "&who=王"))).as("another person").isZero();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        assertThat(rows(page("admin", "/audit?id=" + caseId + "&from=" + tomorrow))).isZero();
        assertThat(rows(page("admin", "/audit?id=" + caseId + "&who=anlan.staff"))).as("by login too").isEqualTo(1);
    }

    @Test
    void theLogKeepsToTheReadersReach() throws Exception {
        assertThat(rows(page("anlan.staff", "/audit?id=" + caseId))).isEqualTo(1);
        assertThat(rows(page("shiqiao.staff", "/audit?id=" + caseId))).as("another town's clerk").isZero();
    }

    @Test
    void pagesOfFiftyKeepTheFilter() throws Exception {
        String first = page("admin", "/audit?type=organisation");
        assertThat(rows(first)).as("the demo county's organisations fill more than a page").isEqualTo(50);
        assertThat(first).contains("href=\"/audit?type=organisation&amp;page=2\"");
        String second = page("admin", "/audit?type=organisation&page=2");
        assertThat(second).contains("第 2 /").containsPattern("class=\"page-item active\">\\s*<a[^>]*>2</a>");
        String past = page("admin", "/audit?type=organisation&page=100000");
        assertThat(rows(past)).as("a page past the end shows the last").isBetween(1, 50);
    }

    @Test
    void aDateThatIsNotADateIsSaidBesideItsField() throws Exception {
        String page = page("admin", "/audit?from=2025-13-45");
        assertThat(page).contains("is-invalid", "请按“年-月-日”填写日期");
        assertThat(rows(page)).as("the rest of the log still shows").isPositive();
    }

    private String page(String user, String path) throws Exception {
        var res = mvc.perform(get(path).with(Logins.as(accounts, user))).andReturn().getResponse();
        assertThat(res.getStatus()).as(path).isEqualTo(200);
        return res.getContentAsString(StandardCharsets.UTF_8);
    }

    private static int rows(String page) {
        Matcher m = ROW.matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String text(String page) {
        return page.replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ").replaceAll("(?is)<pre\\b.*?</pre>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
    }
}
