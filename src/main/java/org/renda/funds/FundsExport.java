package org.renda.funds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.renda.funds.FundsViews.Execution;
import org.renda.funds.FundsViews.ExpenseView;
import org.renda.funds.FundsViews.FundFigure;
import org.renda.funds.FundsViews.IncomeView;
import org.renda.funds.FundsViews.LineView;
import org.renda.funds.FundsViews.OrgFigure;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The year's ledger for the finance office (.xlsx): lines, income, expenses with voucher numbers, subsidy payments
 * and the execution. Amounts are numeric cells in yuan with two decimals (the exact fen / 100), never text; codes
 * are named in words; no phone or ID number is in any sheet.
 */
@Component
public class FundsExport {

    private final FundsDesk desk;
    private final MessageSource messages;

    FundsExport(FundsDesk desk, MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The file name: the organisation, 人大经费台账 and the year. */
    public String filename(long orgId, int year) {
        return desk.org(orgId).name() + t("funds.export.file") + "-" + year + ".xlsx";
    }

    public byte[] ledger(long orgId, int year) {
        Execution ex = desk.execution(orgId, year);
        List<IncomeView> incomes = desk.incomes(orgId, year);
        List<ExpenseView> expenses = desk.expenses(orgId, year);
        desk.exported(orgId, year);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            Sheet lines = sheet(wb, st, t("funds.export.sheet.lines"), "funds.fund", "funds.line.subject",
                    "funds.line.budget", "funds.line.spent", "funds.line.remaining", "funds.line.rate");
            int r = 1;
            for (LineView l : ex.lines()) {
                Row row = lines.createRow(r++);
                text(row, 0, t(l.fund().messageKey()));
                text(row, 1, l.subject());
                money(row, 2, l.budgetFen(), st);
                money(row, 3, l.spentFen(), st);
                money(row, 4, l.remainingFen(), st);
                text(row, 5, l.rate());
            }
            Sheet inc = sheet(wb, st, t("funds.export.sheet.income"), "funds.fund", "funds.income.source",
                    "funds.income.receivedOn", "funds.income.documentNo", "funds.amount", "funds.income.note");
            r = 1;
            for (IncomeView i : incomes) {
                Row row = inc.createRow(r++);
                text(row, 0, t(i.fund().messageKey()));
                text(row, 1, t(i.source().messageKey()));
                text(row, 2, i.receivedOn().toString());
                text(row, 3, i.documentNo());
                money(row, 4, i.amountFen(), st);
                text(row, 5, i.note());
            }
            sum(inc, r, 4, incomes.stream().mapToLong(IncomeView::amountFen).sum(), st);
            Sheet exp = sheet(wb, st, t("funds.export.sheet.expenses"), "funds.fund", "funds.line.subject",
                    "funds.expense.spentOn", "funds.expense.payee", "funds.expense.purpose", "funds.amount",
                    "funds.expense.voucherNo", "funds.expense.kind");
            Sheet sub = sheet(wb, st, t("funds.export.sheet.subsidy"), "funds.expense.spentOn", "funds.expense.payee",
                    "funds.expense.purpose", "funds.amount");
            r = 1;
            int s = 1;
            for (ExpenseView e : expenses) {
                Row row = exp.createRow(r++);
                text(row, 0, t(e.fund().messageKey()));
                text(row, 1, e.subject());
                text(row, 2, e.spentOn().toString());
                text(row, 3, e.payee());
                text(row, 4, e.purpose());
                money(row, 5, e.amountFen(), st);
                text(row, 6, e.voucherNo());
                text(row, 7, t(e.reversal() ? "funds.expense.kind.reversal" : e.subsidy() ? "funds.expense.kind.subsidy"
                        : "funds.expense.kind.normal"));
                if (e.subsidy()) {
                    Row srow = sub.createRow(s++);
                    text(srow, 0, e.spentOn().toString());
                    text(srow, 1, e.payee());
                    text(srow, 2, e.purpose());
                    money(srow, 3, e.amountFen(), st);
                }
            }
            sum(exp, r, 5, expenses.stream().mapToLong(ExpenseView::amountFen).sum(), st);
            sum(sub, s, 3, expenses.stream().filter(ExpenseView::subsidy).mapToLong(ExpenseView::amountFen).sum(), st);
            Sheet exe = sheet(wb, st, t("funds.export.sheet.execution"), "funds.execution.item", "funds.line.budget",
                    "funds.execution.income", "funds.line.spent", "funds.execution.incomeRate", "funds.line.rate");
            r = 1;
            for (FundFigure f : ex.funds()) {
                figure(exe.createRow(r++), t(f.fund().messageKey()), f.budgetFen(), f.incomeFen(), f.spentFen(), st);
            }
            figure(exe.createRow(r++), ex.orgName() + t("funds.execution.own"), ex.own().budgetFen(),
                    ex.own().incomeFen(), ex.own().spentFen(), st);
            for (OrgFigure o : ex.below()) {
                figure(exe.createRow(r++), o.orgName(), o.budgetFen(), o.incomeFen(), o.spentFen(), st);
            }
            if (!ex.below().isEmpty()) {
                figure(exe.createRow(r), t("funds.execution.total"), ex.total().budgetFen(), ex.total().incomeFen(),
                        ex.total().spentFen(), st);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void figure(Row row, String name, long budget, long income, long spent, Styles st) {
        text(row, 0, name);
        money(row, 1, budget, st);
        money(row, 2, income, st);
        money(row, 3, spent, st);
        text(row, 4, Money.rate(income, budget));
        text(row, 5, Money.rate(spent, budget));
    }

    private record Styles(CellStyle bold, CellStyle money) {
        Styles(XSSFWorkbook wb) {
            this(wb.createCellStyle(), wb.createCellStyle());
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        }
    }

    private Sheet sheet(XSSFWorkbook wb, Styles st, String name, String... headerKeys) {
        Sheet sheet = wb.createSheet(name);
        Row head = sheet.createRow(0);
        for (int i = 0; i < headerKeys.length; i++) {
            Cell c = head.createCell(i);
            String label = t(headerKeys[i]);
            c.setCellValue(label);
            c.setCellStyle(st.bold());
            sheet.setColumnWidth(i, Math.max(12, label.length() * 2 + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void text(Row row, int col, @Nullable String value) {
        Cell c = row.createCell(col);
        if (value == null) {
            c.setBlank();
        } else {
            c.setCellValue(value);
        }
    }

    /** A numeric cell of yuan with two decimals: fen / 100 is exact in a double for any amount below 2^53 fen. */
    private static void money(Row row, int col, long fen, Styles st) {
        Cell c = row.createCell(col);
        c.setCellValue(Money.yuan(fen).doubleValue());
        c.setCellStyle(st.money());
    }

    /** A total row (合计) below a sheet's amounts: a numeric cell with the exact sum of the fen. */
    private void sum(Sheet sheet, int rowIndex, int col, long totalFen, Styles st) {
        Row row = sheet.createRow(rowIndex);
        text(row, 0, t("funds.export.total"));
        money(row, col, totalFen, st);
    }
}
