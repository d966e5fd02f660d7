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
        record Money(long budget, long activityBudget) {}
        Money budget = jdbc.sql("""
                select coalesce(sum(budget_fen), 0), coalesce(sum(case when fund = 'DEPUTY_ACTIVITY' then budget_fen else 0 end), 0)
                  from fund_line where %s and fund_year = :year""".formatted(reach.sql("org_id"))).params(p)
                .query((rs, n) -> new Money(rs.getLong(1), rs.getLong(2))).single();
        long income = jdbc.sql("select coalesce(sum(amount_fen), 0) from fund_income where " + reach.sql("org_id")
                + " and fund_year = :year").params(p).query(Long.class).single();
        long spent = jdbc.sql("select coalesce(sum(amount_fen), 0) from fund_expense where " + reach.sql("org_id")
                + " and fund_year = :year").params(p).query(Long.class).single();
        String ledger = "/funds/" + orgId + "?year=" + year;
        return List.of(
                ReportFigure.count(ReportSection.FUNDS, 10, "funds.budget", "report.figure.funds.budget", budget.budget(),
                        ReportUnit.YUAN, ledger),
                ReportFigure.count(ReportSection.FUNDS, 20, "funds.activityBudget", "report.figure.funds.activityBudget",
                        budget.activityBudget(), ReportUnit.YUAN, ledger),
                ReportFigure.count(ReportSection.FUNDS, 30, "funds.income", "report.figure.funds.income", income,
                        ReportUnit.YUAN, ledger),
                ReportFigure.count(ReportSection.FUNDS, 40, "funds.spent", "report.figure.funds.spent", spent,
                        ReportUnit.YUAN, ledger),
                ReportFigure.rate(ReportSection.FUNDS, 50, "funds.executionRate", "report.figure.funds.executionRate",
                        spent, budget.budget(), ledger));
    }
}
