package org.renda.funds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renda.report.spi.ReportFigure;
import org.renda.report.spi.ReportFigureSource;
import org.renda.report.spi.ReportSection;
import org.renda.report.spi.ReportUnit;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The funds figures of the annual report, of the organisation and every ledger under it: the year's budget (work
 * funds and deputy activity funds together, and the activity funds apart), the money received, the money spent
 * (reversals net out) and the execution rate, spent over budget. Amounts in fen.
 */
@Component
class FundsReportFigures implements ReportFigureSource {

    private final JdbcClient jdbc;

    FundsReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Permission permission() {
        return Permission.FUNDS_READ;
    }

    @Override
    public List<ReportFigure> figures(Reach reach, long orgId, int year) {
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("year", year);
        record Money(long budget, long activityBudget, long income, long spent) {}
        Money m = jdbc.sql("""
                select bl.budget, bl.activity, income.n, spent.n
                  from (select coalesce(sum(budget_fen), 0) budget,
                               coalesce(sum(case when fund = 'DEPUTY_ACTIVITY' then budget_fen else 0 end), 0) activity
                          from fund_line where %1$s and fund_year = :year) bl
                 cross join (select coalesce(sum(amount_fen), 0) n from fund_income
                              where %1$s and fund_year = :year) income
                 cross join (select coalesce(sum(amount_fen), 0) n from fund_expense
                              where %1$s and fund_year = :year) spent""".formatted(reach.sql("org_id"))).params(p)
                .query((rs, n) -> new Money(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
        String ledger = "/funds/" + orgId + "?year=" + year;
        return List.of(
                ReportFigure.count(ReportSection.FUNDS, 10, "funds.budget", "report.figure.funds.budget", m.budget(),
                        ReportUnit.YUAN, ledger),
                ReportFigure.count(ReportSection.FUNDS, 20, "funds.activityBudget", "report.figure.funds.activityBudget",
                        m.activityBudget(), ReportUnit.YUAN, ledger),
                ReportFigure.count(ReportSection.FUNDS, 30, "funds.income", "report.figure.funds.income", m.income(),
                        ReportUnit.YUAN, ledger),
                ReportFigure.count(ReportSection.FUNDS, 40, "funds.spent", "report.figure.funds.spent", m.spent(),
                        ReportUnit.YUAN, ledger),
                ReportFigure.rate(ReportSection.FUNDS, 50, "funds.executionRate", "report.figure.funds.executionRate",
                        m.spent(), m.budget(), ledger));
    }
}
