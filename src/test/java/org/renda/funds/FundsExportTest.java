package org.renda.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.renda.funds.FundsDesk.ExpenseForm;
import org.renda.funds.FundsDesk.IncomeForm;
import org.renda.funds.FundsDesk.LineForm;
import org.renda.funds.FundsEnums.Fund;
import org.renda.funds.FundsEnums.IncomeSource;
import org.renda.funds.FundsViews.LineView;
import org.renda.identity.Logins;
import org.renda.org.OrgTree;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The year's ledger for the finance office, read back: amounts are numeric cells with two decimals that sum exactly. */
@RendaIntegrationTest
class FundsExportTest {

    private static final int YEAR = 2020;

    @Autowired UserDetailsService accounts;
    @Autowired FundsDesk desk;
    @Autowired OrgTree orgs;
    @Autowired MockMvc mvc;

    private <T> T as(java.util.function.Supplier<T> work) {
        return Logins.call(accounts, "anlan.staff", work);
    }

    @Test
    void theLedgerHasNumericAmountsWithTwoDecimalsWordsForCodesAndExactTotals() throws Exception {
        long anlan = orgs.findByCode("QH-AL").orElseThrow().id();
        LineView line = as(() -> desk.addLine(anlan, new LineForm(YEAR, Fund.WORK, "会议费", "30,000")));
        as(() -> desk.addIncome(anlan, new IncomeForm(Fund.WORK, IncomeSource.COUNTY, LocalDate.of(YEAR, 3, 1),
                "青人大〔2020〕8号", "20,000", null)));
        as(() -> desk.addExpense(anlan, new ExpenseForm(line.id(), LocalDate.of(YEAR, 4, 1), "会务中心", "人代会会务",
                "8,460.10", "AL-2020-001"), List.of()));
        var wrong = as(() -> desk.addExpense(anlan, new ExpenseForm(line.id(), LocalDate.of(YEAR, 5, 1), "文印店",
                "资料印制", "0.29", "AL-2020-002"), List.of()));
        as(() -> desk.addExpense(anlan, new ExpenseForm(line.id(), LocalDate.of(YEAR, 6, 1), "文印店", "宣传栏",
                "0.01", "AL-2020-003"), List.of()));
        as(() -> desk.reverse(wrong.id(), "重复报账"));

        var response = mvc.perform(get("/funds/" + anlan + "/ledger.xlsx?year=" + YEAR)
                .with(Logins.as(accounts, "anlan.chair"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("预算科目");
            Sheet expenses = book.getSheet("支出");
            assertThat(expenses.getRow(0).getCell(5).getStringCellValue()).isEqualTo("金额（元）");
            Row first = expenses.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("人大工作经费");
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(8460.10);
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(new DataFormatter().formatCellValue(first.getCell(5))).isEqualTo("8,460.10");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("AL-2020-001");
            Row reversal = expenses.getRow(4);
            assertThat(reversal.getCell(7).getStringCellValue()).isEqualTo("冲销");
            assertThat(reversal.getCell(5).getNumericCellValue()).isEqualTo(-0.29);
            Row total = expenses.getRow(5);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(8460.11);
            Sheet execution = book.getSheet("执行情况");
            assertThat(execution.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(8460.11);
            assertThat(execution.getRow(1).getCell(5).getStringCellValue()).isEqualTo("28.2%");
            assertThat(book.getSheet("到账").getRow(1).getCell(1).getStringCellValue()).isEqualTo("上级补助");
            StringBuilder all = new StringBuilder();
            DataFormatter f = new DataFormatter();
            book.forEach(s -> s.forEach(r -> r.forEach(c -> all.append(f.formatCellValue(c)).append('\t'))));
            assertThat(all.toString()).doesNotContain("WORK", "COUNTY", "DEPUTY_ACTIVITY", "funds.")
                    .doesNotContainPattern("1\\d{10}");
        }
    }
}
