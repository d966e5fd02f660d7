package org.renda.funds;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.funds.FundsEnums.Fund;
import org.renda.funds.FundsEnums.IncomeSource;

/** What the funds pages, the API and the export show. Every amount is fen ({@code ...Fen}, a long). */
public final class FundsViews {

    private FundsViews() {}

    /** A budget line (预算科目) with what has been spent against it (reversals net out). */
    public record LineView(long id, long orgId, int year, Fund fund, String subject, long budgetFen, long spentFen) {

        public long remainingFen() {
            return budgetFen - spentFen;
        }

        public String rate() {
            return Money.rate(spentFen, budgetFen);
        }
    }

    /** Money received (到账). */
    public record IncomeView(long id, long orgId, int year, Fund fund, IncomeSource source, LocalDate receivedOn,
            @Nullable String documentNo, long amountFen, @Nullable String note, String createdBy) {}

    /**
     * An expense (支出), or the counter-entry reversing one ({@code reversesId} set, negative amount). A reversed
     * expense carries {@code reversedById}.
     */
    public record ExpenseView(long id, long orgId, long lineId, Fund fund, String subject, int year,
            LocalDate spentOn, String payee, String purpose, long amountFen, @Nullable String voucherNo,
            @Nullable Long reversesId, @Nullable Long reversedById, @Nullable String reversalReason,
            boolean subsidy, String createdBy, int voucherCount) {

        public boolean reversal() {
            return reversesId != null;
        }

        public boolean reversible() {
            return reversesId == null && reversedById == null;
        }
    }

    /** A scanned voucher (凭证) of an expense. */
    public record VoucherView(long id, long expenseId, long orgId, String fileName, String contentType, int sizeBytes) {

        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    /** A voucher's bytes, for download. */
    public record VoucherFile(long id, long orgId, String fileName, String contentType, byte[] data) {}

    /** The year's subsidy standard (补贴标准): per activity day, and the extra for deputies without fixed income. */
    public record StandardView(long orgId, int year, long dayRateFen, long noIncomeDayFen) {}

    /** A deputy confirmed as without fixed income (无固定收入代表) on a date. */
    public record FlagView(long id, long orgId, long deputyId, String deputyName, LocalDate confirmedOn) {}

    /** Budget, income and spending of one fund (or of all). */
    public record FundFigure(@Nullable Fund fund, long budgetFen, long incomeFen, long spentFen) {

        public String spentRate() {
            return Money.rate(spentFen, budgetFen);
        }

        public String incomeRate() {
            return Money.rate(incomeFen, budgetFen);
        }
    }

    /** One organisation's figures of the year (a town under a county, or the county's own). */
    public record OrgFigure(long orgId, String orgName, long budgetFen, long incomeFen, long spentFen) {

        public String spentRate() {
            return Money.rate(spentFen, budgetFen);
        }

        public String incomeRate() {
            return Money.rate(incomeFen, budgetFen);
        }
    }

    /**
     * The execution of a year (执行率): the lines and funds of the organisation itself, and, for a county, each
     * organisation below with figures and the total over the whole subtree (the county's own lines included).
     */
    public record Execution(long orgId, String orgName, int year, List<LineView> lines, List<FundFigure> funds,
            FundFigure own, List<OrgFigure> below, FundFigure total) {}

    /** One row of a subsidy draft: a deputy's verified duty days in the period × the rates. */
    public record SubsidyRow(long deputyId, String deputyName, int days, boolean noFixedIncome, long dayRateFen,
            long noIncomeDayFen, long amountFen, boolean paid) {}

    /** The draft of a period's subsidy payments, before the clerk confirms it into expenses. */
    public record SubsidyDraft(long orgId, int year, LocalDate from, LocalDate to, @Nullable StandardView standard,
            @Nullable Long lineId, List<SubsidyRow> rows) {

        public long totalFen() {
            return rows.stream().filter(r -> !r.paid()).mapToLong(SubsidyRow::amountFen).sum();
        }
    }
}
