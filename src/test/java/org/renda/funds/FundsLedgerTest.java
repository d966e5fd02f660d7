package org.renda.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.funds.FundsDesk.ExpenseForm;
import org.renda.funds.FundsDesk.IncomeForm;
import org.renda.funds.FundsDesk.LineForm;
import org.renda.funds.FundsEnums.Fund;
import org.renda.funds.FundsEnums.IncomeSource;
import org.renda.funds.FundsViews.Execution;
import org.renda.funds.FundsViews.ExpenseView;
import org.renda.funds.FundsViews.LineView;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A town's ledger of a year: lines, income from the town and the county, expenses, a reversal by counter-entry, the
 * execution rate to the fen, the county's figures including its towns, another town's records answering 404, and
 * every change in the audit log.
 */
@RendaIntegrationTest
class FundsLedgerTest {

    /** A year no demo data and no other test uses. */
    private static final int YEAR = 2023;

    @Autowired UserDetailsService accounts;
    @Autowired FundsDesk desk;
    @Autowired OrgTree orgs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private long org(String code) {
        return orgs.findByCode(code).orElseThrow().id();
    }

    private <T> T as(String user, java.util.function.Supplier<T> work) {
        return Logins.call(accounts, user, work);
    }

    private long audits(String type, String action) {
        return jdbc.sql("select count(*) from audit_event where entity_type = ? and action = ?").params(type, action)
                .query(Long.class).single();
    }

    @Test
    void linesIncomeExpensesAndAReversalGiveTheExactExecutionAndACountySeesItsTowns() {
        long anlan = org("QH-AL");
        long liuxi = org("QH-LX");
        long county = org("QH");
        long linesBefore = audits("fund_line", "CREATED");
        long reversalsBefore = audits("fund_expense", "REVERSED");

        LineView meetings = as("anlan.staff", () -> desk.addLine(anlan, new LineForm(YEAR, Fund.WORK, "会议费", "30,000")));
        LineView activity = as("anlan.staff", () -> desk.addLine(anlan,
                new LineForm(YEAR, Fund.DEPUTY_ACTIVITY, "代表活动", "¥7,000.01")));
        as("anlan.staff", () -> desk.addIncome(anlan, new IncomeForm(Fund.WORK, IncomeSource.TOWN,
                LocalDate.of(YEAR, 1, 20), "安财〔2023〕2号", "20000", null)));
        as("anlan.staff", () -> desk.addIncome(anlan, new IncomeForm(Fund.WORK, IncomeSource.COUNTY,
                LocalDate.of(YEAR, 3, 1), "青人大〔2023〕8号", "10,000.00", null)));
        ExpenseView a = as("anlan.staff", () -> desk.addExpense(anlan, new ExpenseForm(meetings.id(),
                LocalDate.of(YEAR, 2, 10), "会务中心", "人代会会务", "8,460.10", "AL-1"), List.of()));
        ExpenseView b = as("anlan.staff", () -> desk.addExpense(anlan, new ExpenseForm(meetings.id(),
                LocalDate.of(YEAR, 4, 10), "文印店", "资料印制", "1,236.55", "AL-2"), List.of()));
        as("anlan.staff", () -> desk.addExpense(anlan, new ExpenseForm(activity.id(), LocalDate.of(YEAR, 5, 10),
                "东湖村", "视察饮水工程", "0.01", "AL-3"), List.of()));

        ExpenseView counter = as("anlan.staff", () -> desk.reverse(b.id(), "重复报账"));
        assertThat(counter.amountFen()).isEqualTo(-123655);
        assertThat(counter.reversesId()).isEqualTo(b.id());
        assertThat(as("anlan.staff", () -> desk.expense(b.id())).reversedById()).isEqualTo(counter.id());
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.reverse(b.id(), "再冲一次")))
                .isInstanceOf(DomainException.class).hasMessage("funds.error.reversed");
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.reverse(counter.id(), "冲销分录")))
                .isInstanceOf(DomainException.class).hasMessage("funds.error.reversed");
        assertThat(as("anlan.staff", () -> desk.expense(a.id())).amountFen()).as("the expense itself is untouched")
                .isEqualTo(846010);

        Execution ex = as("anlan.staff", () -> desk.execution(anlan, YEAR));
        LineView m = ex.lines().stream().filter(l -> l.id() == meetings.id()).findFirst().orElseThrow();
        assertThat(m.budgetFen()).isEqualTo(3_000_000);
        assertThat(m.spentFen()).as("the reversal nets out").isEqualTo(846010);
        assertThat(m.rate()).isEqualTo("28.2%");
        assertThat(ex.own().budgetFen()).isEqualTo(3_700_001);
        assertThat(ex.own().spentFen()).isEqualTo(846011);
        assertThat(ex.own().incomeFen()).isEqualTo(3_000_000);
        assertThat(ex.funds().get(0).incomeRate()).isEqualTo("100.0%");
        assertThat(ex.below()).as("a town has no organisations with a ledger below").isEmpty();

        // another town and the county's own line: the county's total includes its towns
        LineView lx = as("admin", () -> desk.addLine(liuxi, new LineForm(YEAR, Fund.WORK, "综合", "5,000")));
        as("admin", () -> desk.addExpense(liuxi, new ExpenseForm(lx.id(), LocalDate.of(YEAR, 6, 1), "会务中心",
                "会务", "999.99", null), List.of()));
        as("county.staff", () -> desk.addLine(county, new LineForm(YEAR, Fund.WORK, "支持乡镇人大工作经费", "510,000")));
        Execution qh = as("county.staff", () -> desk.execution(county, YEAR));
        assertThat(qh.own().budgetFen()).isEqualTo(51_000_000);
        assertThat(qh.below()).extracting(FundsViews.OrgFigure::orgName).contains("安澜镇", "柳溪镇");
        assertThat(qh.below().stream().filter(o -> o.orgId() == anlan).findFirst().orElseThrow().spentFen())
                .isEqualTo(846011);
        assertThat(qh.total().budgetFen()).isEqualTo(51_000_000 + 3_700_001 + 500_000);
        assertThat(qh.total().spentFen()).isEqualTo(846011 + 99999);
        assertThat(qh.total().incomeFen()).isEqualTo(3_000_000);

        assertThat(audits("fund_line", "CREATED") - linesBefore).isEqualTo(4);
        assertThat(audits("fund_expense", "REVERSED") - reversalsBefore).isEqualTo(1);
    }

    @Test
    void anotherTownsLedgerAndRecordsAnswerNotFound() throws Exception {
        long anlan = org("QH-AL");
        LineView line = as("anlan.staff", () -> desk.addLine(anlan, new LineForm(2022, Fund.WORK,
                "范围测试 " + System.nanoTime(), "100")));
        ExpenseView e = as("anlan.staff", () -> desk.addExpense(anlan, new ExpenseForm(line.id(),
                LocalDate.of(2022, 7, 1), "收款方", "范围测试", "10", null), List.of()));
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.expense(e.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.execution(anlan, YEAR)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("shiqiao.staff", () -> desk.reverse(e.id(), "越权")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("anlan.chair", () -> desk.reverse(e.id(), "只读")))
                .as("the presiding chair reads but does not write").isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get("/funds/expenses/" + e.id()).with(Logins.as(accounts, "shiqiao.staff")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/funds/" + anlan).with(Logins.as(accounts, "shiqiao.staff")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/funds/" + anlan + "?year=2022").with(Logins.as(accounts, "anlan.chair")))
                .andReturn().getResponse().getContentAsString()).contains("范围测试", "10.00 元");
    }

    @Test
    void aBadAmountComesBackBesideItsFieldAndNothingIsSaved() throws Exception {
        long anlan = org("QH-AL");
        long before = jdbc.sql("select count(*) from fund_line").query(Long.class).single();
        var response = mvc.perform(post("/funds/" + anlan + "/lines").with(Logins.as(accounts, "anlan.staff"))
                .with(csrf()).param("year", String.valueOf(YEAR)).param("fund", "WORK").param("subject", "坏金额")
                .param("budget", "12.345")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#budget-error").text()).isEqualTo("金额最多保留两位小数（精确到分）");
        assertThat(page.select("#budget").val()).isEqualTo("12.345");
        assertThat(jdbc.sql("select count(*) from fund_line").query(Long.class).single()).isEqualTo(before);
        assertThatThrownBy(() -> as("anlan.staff", () -> desk.addLine(anlan,
                new LineForm(YEAR, Fund.WORK, "负数", "-5")))).hasMessage("funds.error.amount.negative");
    }

    @Test
    void anExpenseFromThePageKeepsItsVoucherScanAndARenamedFileIsRefused() throws Exception {
        long anlan = org("QH-AL");
        LineView line = as("anlan.staff", () -> desk.addLine(anlan, new LineForm(2019, Fund.WORK,
                "凭证测试 " + System.nanoTime(), "1,000")));
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var ok = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/funds/" + anlan + "/expenses")
                .file(new org.springframework.mock.web.MockMultipartFile("files", "发票.png", "image/png", png))
                .param("lineId", String.valueOf(line.id())).param("spentOn", "2019-05-06").param("payee", "文印店")
                .param("purpose", "资料印制").param("amount", "¥120.5").param("voucherNo", "AL-2019-001")
                .with(Logins.as(accounts, "anlan.staff")).with(csrf())).andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(302);
        long expenseId = Long.parseLong(ok.getRedirectedUrl().replaceAll("\\D", ""));
        ExpenseView e = as("anlan.staff", () -> desk.expense(expenseId));
        assertThat(e.amountFen()).isEqualTo(12050);
        assertThat(e.voucherCount()).isEqualTo(1);
        long voucher = as("anlan.staff", () -> desk.vouchers(expenseId)).get(0).id();
        assertThat(mvc.perform(get("/funds/vouchers/" + voucher).with(Logins.as(accounts, "anlan.chair")))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(png);
        assertThat(mvc.perform(get("/funds/vouchers/" + voucher).with(Logins.as(accounts, "shiqiao.staff")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        long before = as("anlan.staff", () -> desk.expenses(anlan, 2019)).size();
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/funds/" + anlan + "/expenses")
                .file(new org.springframework.mock.web.MockMultipartFile("files", "发票.pdf", "application/pdf",
                        "not a pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .param("lineId", String.valueOf(line.id())).param("spentOn", "2019-05-07").param("payee", "文印店")
                .param("purpose", "改名的文件").param("amount", "10")
                .with(Logins.as(accounts, "anlan.staff")).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("不是 JPEG、PNG、WebP 图片或 PDF", "改名的文件");
        assertThat(as("anlan.staff", () -> desk.expenses(anlan, 2019))).hasSize((int) before);
    }
}
