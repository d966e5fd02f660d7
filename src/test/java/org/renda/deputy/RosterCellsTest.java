package org.renda.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.renda.shared.excel.Xlsx;

/** The cells people type into a roster: terms, dates, years and levels in their usual spellings. */
class RosterCellsTest {

    @Test
    void termsAreArabicOrChineseNumeralsUpToNinetyNine() {
        assertThat(RosterCells.termNo("第十八届")).hasValue(18);
        assertThat(RosterCells.termNo("18")).hasValue(18);
        assertThat(RosterCells.termNo("18.0")).hasValue(18);
        assertThat(RosterCells.termNo("第18届")).hasValue(18);
        assertThat(RosterCells.termNo(" 第 18 届 ")).hasValue(18);
        assertThat(RosterCells.termNo("第１８届")).hasValue(18);
        assertThat(RosterCells.termNo("十八")).hasValue(18);
        assertThat(RosterCells.termNo("第十届")).hasValue(10);
        assertThat(RosterCells.termNo("二十")).hasValue(20);
        assertThat(RosterCells.termNo("第二十一届")).hasValue(21);
        assertThat(RosterCells.termNo("九十九")).hasValue(99);
        assertThat(RosterCells.termNo("第九届")).hasValue(9);
        assertThat(RosterCells.termNo("一")).hasValue(1);
        for (String bad : List.of("", "0", "100", "一百", "十十", "零", "二十〇", "〇十", "abc", "第届", "18届届", "-1")) {
            assertThat(RosterCells.termNo(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void datesInTheUsualSpellings() {
        LocalDate d = LocalDate.of(1975, 3, 1);
        for (String s : List.of("1975-03-01", "1975-3-1", "1975/3/1", "1975/03/01", "1975.3.1", "1975年3月1日",
                "1975年03月01日", "19750301", "1975-03-01 00:00", "１９７５／３／１", " 1975.03.01 ")) {
            assertThat(RosterCells.date(s)).as(s).hasValue(d);
        }
        for (String bad : List.of("", "1975-13-01", "1975-02-30", "3/1/75", "1975/3-1", "75-3-1", "1850-01-01",
                "27089", "明天")) {
            assertThat(RosterCells.date(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void yearsAndLevels() {
        assertThat(RosterCells.year("2021")).hasValue(2021);
        assertThat(RosterCells.year("2021年")).hasValue(2021);
        assertThat(RosterCells.year("2021.0")).hasValue(2021);
        assertThat(RosterCells.year("21")).isEmpty();
        assertThat(RosterCells.level("乡镇")).hasValue(DeputyLevel.TOWN);
        assertThat(RosterCells.level("乡镇级")).hasValue(DeputyLevel.TOWN);
        assertThat(RosterCells.level("镇人大代表")).hasValue(DeputyLevel.TOWN);
        assertThat(RosterCells.level("乡镇人大代表")).hasValue(DeputyLevel.TOWN);
        assertThat(RosterCells.level("TOWN")).hasValue(DeputyLevel.TOWN);
        assertThat(RosterCells.level("县级")).hasValue(DeputyLevel.COUNTY);
        assertThat(RosterCells.level("县")).hasValue(DeputyLevel.COUNTY);
        assertThat(RosterCells.level("区级")).hasValue(DeputyLevel.COUNTY);
        assertThat(RosterCells.level("市级")).hasValue(DeputyLevel.CITY);
        assertThat(RosterCells.level("省级人大代表")).hasValue(DeputyLevel.PROVINCE);
        assertThat(RosterCells.level("全国")).hasValue(DeputyLevel.NATIONAL);
        assertThat(RosterCells.level("村级")).isEmpty();
        assertThat(RosterCells.level("")).isEmpty();
    }

    /**
     * A real date cell: POI's DataFormatter renders Excel's default date format (built-in 14, which a
     * Chinese Excel shows as 1965/3/1) as "3/1/65"; Xlsx reads every date cell as ISO instead.
     */
    @Test
    void anExcelDateCellReadsAsAnIsoDate() throws Exception {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("代表名册");
            Row head = sheet.createRow(0);
            List<String> formats = List.of("m/d/yy", "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy年m月d日;@");
            for (int i = 0; i < formats.size(); i++) {
                head.createCell(i).setCellValue("日期" + i);
            }
            head.createCell(formats.size()).setCellValue("时间");
            Row row = sheet.createRow(1);
            for (int i = 0; i < formats.size(); i++) {
                CellStyle style = wb.createCellStyle();
                style.setDataFormat(wb.createDataFormat().getFormat(formats.get(i)));
                row.createCell(i).setCellValue(LocalDate.of(1965, 3, 1));
                row.getCell(i).setCellStyle(style);
            }
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            row.createCell(formats.size()).setCellValue(LocalDateTime.of(2021, 12, 28, 9, 30));
            row.getCell(formats.size()).setCellStyle(style);
            wb.write(out);
            file = out.toByteArray();
        }
        Xlsx.SheetRow read = Xlsx.read(new ByteArrayInputStream(file), List.of()).get(0);
        assertThat(read.get("日期0")).isEqualTo("1965-03-01");
        assertThat(read.get("日期1")).isEqualTo("1965-03-01");
        assertThat(read.get("日期2")).isEqualTo("1965-03-01");
        assertThat(read.get("日期3")).isEqualTo("1965-03-01");
        assertThat(read.get("时间")).isEqualTo("2021-12-28 09:30");
        assertThat(RosterCells.date(read.get("日期0"))).hasValue(LocalDate.of(1965, 3, 1));
        assertThat(RosterCells.date(read.get("时间"))).hasValue(LocalDate.of(2021, 12, 28));
    }
}
