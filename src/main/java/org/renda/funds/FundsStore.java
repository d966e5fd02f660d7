package org.renda.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.funds.FundsEnums.Fund;
import org.renda.funds.FundsEnums.IncomeSource;
import org.renda.funds.FundsViews.ExpenseView;
import org.renda.funds.FundsViews.FlagView;
import org.renda.funds.FundsViews.IncomeView;
import org.renda.funds.FundsViews.LineView;
import org.renda.funds.FundsViews.StandardView;
import org.renda.funds.FundsViews.VoucherFile;
import org.renda.funds.FundsViews.VoucherView;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The funds tables. Reads of one organisation take its id (the desk checks the reach first); sums take a Reach. */
@Repository
class FundsStore {

    private final JdbcClient jdbc;

    FundsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    // --- lines

    long insertLine(long orgId, int year, Fund fund, String subject, long budgetFen, String by) {
        return insert("""
                insert into fund_line (org_id, fund_year, fund, subject, budget_fen, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", orgId, year, fund.name(), subject, budgetFen, by, OffsetDateTime.now());
    }

    boolean lineExists(long orgId, int year, Fund fund, String subject) {
        return jdbc.sql("select count(*) from fund_line where org_id = ? and fund_year = ? and fund = ? and subject = ?")
                .params(orgId, year, fund.name(), subject).query(Long.class).single() > 0;
    }

    private static final String LINE_SELECT = """
            select l.id, l.org_id, l.fund_year, l.fund, l.subject, l.budget_fen,
                   coalesce((select sum(e.amount_fen) from fund_expense e where e.line_id = l.id), 0)
              from fund_line l""";

    private static LineView line(ResultSet rs, int n) throws SQLException {
        return new LineView(rs.getLong(1), rs.getLong(2), rs.getInt(3), Fund.valueOf(rs.getString(4)), rs.getString(5),
                rs.getLong(6), rs.getLong(7));
    }

    Optional<LineView> line(long id) {
        return jdbc.sql(LINE_SELECT + " where l.id = ?").param(id).query(FundsStore::line).optional();
    }

    List<LineView> lines(long orgId, int year) {
        return jdbc.sql(LINE_SELECT + " where l.org_id = ? and l.fund_year = ? order by l.fund, l.id")
                .params(orgId, year).query(FundsStore::line).list();
    }

    // --- income

    long insertIncome(long orgId, int year, Fund fund, IncomeSource source, LocalDate receivedOn,
            @Nullable String documentNo, long amountFen, @Nullable String note, String by) {
        return insert("""
                insert into fund_income (org_id, fund_year, fund, source, received_on, document_no, amount_fen, note,
                                         created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                orgId, year, fund.name(), source.name(), receivedOn, documentNo, amountFen, note, by,
                OffsetDateTime.now());
    }

    private static final String INCOME_SELECT = """
            select id, org_id, fund_year, fund, source, received_on, document_no, amount_fen, note, created_by
              from fund_income""";

    private static IncomeView income(ResultSet rs, int n) throws SQLException {
        return new IncomeView(rs.getLong(1), rs.getLong(2), rs.getInt(3), Fund.valueOf(rs.getString(4)),
                IncomeSource.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getLong(8),
                rs.getString(9), rs.getString(10));
    }

    Optional<IncomeView> income(long id) {
        return jdbc.sql(INCOME_SELECT + " where id = ?").param(id).query(FundsStore::income).optional();
    }

    List<IncomeView> incomes(long orgId, int year) {
        return jdbc.sql(INCOME_SELECT + " where org_id = ? and fund_year = ? order by received_on, id")
                .params(orgId, year).query(FundsStore::income).list();
    }

    // --- expenses

    long insertExpense(long orgId, long lineId, int year, LocalDate spentOn, String payee, String purpose,
            long amountFen, @Nullable String voucherNo, @Nullable Long reversesId, @Nullable String reversalReason,
            @Nullable String subsidyKey, String by) {
        return insert("""
                insert into fund_expense (org_id, line_id, fund_year, spent_on, payee, purpose, amount_fen, voucher_no,
                                          reverses_id, reversal_reason, subsidy_key, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orgId, lineId, year, spentOn, payee, purpose,
                amountFen, voucherNo, reversesId, reversalReason, subsidyKey, by, OffsetDateTime.now());
    }

    private static final String EXPENSE_SELECT = """
            select e.id, e.org_id, e.line_id, l.fund, l.subject, e.fund_year, e.spent_on, e.payee, e.purpose,
                   e.amount_fen, e.voucher_no, e.reverses_id,
                   (select r.id from fund_expense r where r.reverses_id = e.id), e.reversal_reason,
                   case when e.subsidy_key is null then 0 else 1 end, e.created_by,
                   (select count(*) from fund_voucher v where v.expense_id = e.id)
              from fund_expense e join fund_line l on l.id = e.line_id""";

    private static ExpenseView expense(ResultSet rs, int n) throws SQLException {
        return new ExpenseView(rs.getLong(1), rs.getLong(2), rs.getLong(3), Fund.valueOf(rs.getString(4)),
                rs.getString(5), rs.getInt(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                rs.getLong(10), rs.getString(11), (Long) rs.getObject(12, Long.class), rs.getObject(13, Long.class),
                rs.getString(14), rs.getInt(15) == 1, rs.getString(16), rs.getInt(17));
    }

    Optional<ExpenseView> expense(long id) {
        return jdbc.sql(EXPENSE_SELECT + " where e.id = ?").param(id).query(FundsStore::expense).optional();
    }

    List<ExpenseView> expenses(long orgId, int year) {
        return jdbc.sql(EXPENSE_SELECT + " where e.org_id = ? and e.fund_year = ? order by e.spent_on, e.id")
                .params(orgId, year).query(FundsStore::expense).list();
    }

    boolean subsidyPaid(String subsidyKey) {
        return jdbc.sql("select count(*) from fund_expense where subsidy_key = ?").param(subsidyKey)
                .query(Long.class).single() > 0;
    }

    // --- vouchers

    long insertVoucher(long expenseId, long orgId, String fileName, String contentType, byte[] data) {
        return insert("""
                insert into fund_voucher (expense_id, org_id, file_name, content_type, size_bytes, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", expenseId, orgId, fileName, contentType, data.length, data,
                OffsetDateTime.now());
    }

    List<VoucherView> vouchers(long expenseId) {
        return jdbc.sql("""
                select id, expense_id, org_id, file_name, content_type, size_bytes from fund_voucher
                 where expense_id = ? order by id""").param(expenseId)
                .query((rs, n) -> new VoucherView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).list();
    }

    Optional<VoucherFile> voucher(long id) {
        return jdbc.sql("select id, org_id, file_name, content_type, data from fund_voucher where id = ?").param(id)
                .query((rs, n) -> new VoucherFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5))).optional();
    }

    // --- standards and flags

    void saveStandard(long orgId, int year, long dayRateFen, long noIncomeDayFen, String by) {
        int updated = jdbc.sql("update fund_standard set day_rate_fen = ?, no_income_day_fen = ? where org_id = ? and fund_year = ?")
                .params(dayRateFen, noIncomeDayFen, orgId, year).update();
        if (updated == 0) {
            insert("""
                    insert into fund_standard (org_id, fund_year, day_rate_fen, no_income_day_fen, created_by, created_at)
                    values (?, ?, ?, ?, ?, ?)""", orgId, year, dayRateFen, noIncomeDayFen, by, OffsetDateTime.now());
        }
    }

    Optional<StandardView> standard(long orgId, int year) {
        return jdbc.sql("select org_id, fund_year, day_rate_fen, no_income_day_fen from fund_standard where org_id = ? and fund_year = ?")
                .params(orgId, year).query((rs, n) -> new StandardView(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        rs.getLong(4))).optional();
    }

    long insertFlag(long orgId, long deputyId, LocalDate confirmedOn, String by) {
        return insert("""
                insert into fund_deputy_flag (org_id, deputy_id, confirmed_on, created_by, created_at)
                values (?, ?, ?, ?, ?)""", orgId, deputyId, confirmedOn, by, OffsetDateTime.now());
    }

    /** Deputy id → the date their lack of fixed income was confirmed, for one organisation. */
    Map<Long, LocalDate> flags(long orgId) {
        Map<Long, LocalDate> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select deputy_id, confirmed_on from fund_deputy_flag where org_id = ? order by id").param(orgId)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        return out;
    }

    Optional<FlagView> flag(long id) {
        return jdbc.sql("select id, org_id, deputy_id, confirmed_on from fund_deputy_flag where id = ?").param(id)
                .query((rs, n) -> new FlagView(rs.getLong(1), rs.getLong(2), rs.getLong(3), "",
                        rs.getObject(4, LocalDate.class))).optional();
    }

    void deleteFlag(long id) {
        jdbc.sql("delete from fund_deputy_flag where id = ?").param(id).update();
    }

    long flagId(long orgId, long deputyId) {
        return jdbc.sql("select id from fund_deputy_flag where org_id = ? and deputy_id = ?").params(orgId, deputyId)
                .query(Long.class).optional().orElse(0L);
    }

    // --- sums over organisations (a county and its towns)

    /** Per organisation within the reach: {budget, income, spent} of the year. */
    Map<Long, long[]> sumsByOrg(Reach reach, int year) {
        Map<Long, long[]> out = new java.util.TreeMap<>();
        if (reach.isEmpty()) {
            return out;
        }
        String sql = """
                select org_id, sum(b), sum(i), sum(s) from (
                  select org_id, budget_fen as b, 0 as i, 0 as s from fund_line where fund_year = :year and %1$s
                  union all
                  select org_id, 0, amount_fen, 0 from fund_income where fund_year = :year and %1$s
                  union all
                  select org_id, 0, 0, amount_fen from fund_expense where fund_year = :year and %1$s
                ) t group by org_id""".formatted(reach.sql("org_id"));
        jdbc.sql(sql).params(reach.params()).param("year", year).query(rs -> {
            out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });
        return out;
    }

    /** The income of one organisation's year per fund. */
    Map<Fund, Long> incomeByFund(long orgId, int year) {
        Map<Fund, Long> out = new java.util.EnumMap<>(Fund.class);
        jdbc.sql("select fund, sum(amount_fen) from fund_income where org_id = ? and fund_year = ? group by fund")
                .params(orgId, year).query(rs -> {
                    out.put(Fund.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return out;
    }
}
