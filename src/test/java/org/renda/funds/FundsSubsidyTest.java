package org.renda.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.deputy.DutyLog;
import org.renda.deputy.DutyType;
import org.renda.funds.FundsDesk.FlagForm;
import org.renda.funds.FundsDesk.LineForm;
import org.renda.funds.FundsDesk.StandardForm;
import org.renda.funds.FundsEnums.Fund;
import org.renda.funds.FundsViews.ExpenseView;
import org.renda.funds.FundsViews.SubsidyDraft;
import org.renda.funds.FundsViews.SubsidyRow;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Subsidies: each deputy's verified duty records of the period × the year's rate (plus the rate for deputies without
 * fixed income), confirmed into expenses on the deputy activity line once: confirming again pays nobody twice.
 */
@RendaIntegrationTest
class FundsSubsidyTest {

    private static final int YEAR = 2021;

    @Autowired UserDetailsService accounts;
    @Autowired FundsDesk desk;
    @Autowired DutyLog duties;
    @Autowired DeputyRegister register;
    @Autowired OrgTree orgs;

    private <T> T as(java.util.function.Supplier<T> work) {
        return Logins.call(accounts, "anlan.staff", work);
    }

    private void duty(long deputyId, int day, String title) {
        as(() -> duties.record(deputyId, new DutyLog.DutyForm(DutyType.INSPECTION, LocalDate.of(YEAR, 7, day), title,
                null, null), List.of()));
    }

    @Test
    void verifiedDutyDaysTimesTheRateAreConfirmedIntoExpensesOnce() {
        long anlan = orgs.findByCode("QH-AL").orElseThrow().id();
        List<DeputySummary> town = as(() -> desk.deputies(anlan));
        assertThat(town).hasSizeGreaterThanOrEqualTo(2);
        long a = town.get(0).id();
        long b = town.get(1).id();
        duty(a, 13, "视察饮水工程");
        duty(a, 14, "调研农田水利");
        duty(a, 15, "走访选民");
        duty(b, 13, "视察饮水工程");
        duty(b, 14, "调研农田水利");
        as(() -> desk.addLine(anlan, new LineForm(YEAR, Fund.DEPUTY_ACTIVITY, "代表履职补贴", "10,000")));
        as(() -> desk.saveStandard(anlan, new StandardForm(YEAR, "80", "40.50")));
        as(() -> desk.flag(anlan, new FlagForm(b, LocalDate.of(YEAR, 1, 1))));
        LocalDate from = LocalDate.of(YEAR, 7, 13);
        LocalDate to = LocalDate.of(YEAR, 7, 15);

        SubsidyDraft draft = as(() -> desk.subsidyDraft(anlan, from, to));
        SubsidyRow ra = draft.rows().stream().filter(r -> r.deputyId() == a).findFirst().orElseThrow();
        SubsidyRow rb = draft.rows().stream().filter(r -> r.deputyId() == b).findFirst().orElseThrow();
        assertThat(ra.days()).isEqualTo(3);
        assertThat(ra.noFixedIncome()).isFalse();
        assertThat(ra.amountFen()).isEqualTo(3 * 8000);
        assertThat(rb.days()).isEqualTo(2);
        assertThat(rb.noFixedIncome()).isTrue();
        assertThat(rb.amountFen()).isEqualTo(2 * (8000 + 4050));
        assertThat(draft.rows()).noneMatch(SubsidyRow::paid);

        int created = as(() -> desk.confirmSubsidy(anlan, from, to));
        assertThat(created).isEqualTo(draft.rows().size());
        assertThat(as(() -> desk.confirmSubsidy(anlan, from, to))).as("confirming again pays nobody twice").isZero();
        assertThat(as(() -> desk.subsidyDraft(anlan, from, to)).rows()).allMatch(SubsidyRow::paid);

        List<ExpenseView> paid = as(() -> desk.expenses(anlan, YEAR)).stream().filter(ExpenseView::subsidy).toList();
        assertThat(paid).hasSize(created);
        assertThat(paid).allMatch(e -> e.fund() == Fund.DEPUTY_ACTIVITY);
        assertThat(paid.stream().filter(e -> e.payee().equals(ra.deputyName()) || e.payee().equals(rb.deputyName()))
                .mapToLong(ExpenseView::amountFen).sum()).isEqualTo(24000 + 24100);
    }
}
