package org.renda.shared.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;

/**
 * Reads and writes the simple one-sheet workbooks that rosters live in today: a header row of
 * Chinese column names, then one record a row. Every module's import and export goes through here.
 */
public final class Xlsx {

    /** More rows than any roster of one upload should hold; protects memory. */
    public static final int MAX_ROWS = 50_000;

    private Xlsx() {}

    /** One data row, numbered as Excel numbers it (the header is row 1). */
    public record SheetRow(int number, Map<String, String> cells) {
        public String get(String header) {
            String v = cells.get(header);
            return v == null ? "" : v.strip();
        }

        public boolean isBlank() {
            return cells.values().stream().allMatch(v -> v == null || v.isBlank());
        }
    }

    /**
     * Reads the first sheet. Fails with a readable error when the file is not a workbook or a required
     * column is missing; blank rows are skipped.
     */
    public static List<SheetRow> read(InputStream in, List<String> requiredHeaders) {
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw new DomainException("excel.empty");
            }
            Map<Integer, String> columns = new LinkedHashMap<>();
            for (Cell c : header) {
                String name = fmt.formatCellValue(c).strip();
                if (!name.isEmpty()) {
                    columns.put(c.getColumnIndex(), name);
                }
            }
            for (String required : requiredHeaders) {
                if (!columns.containsValue(required)) {
                    throw new DomainException("excel.missingColumn", required);
                }
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new DomainException("excel.tooManyRows", MAX_ROWS);
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                columns.forEach((idx, name) -> cells.put(name, text(fmt, row.getCell(idx))));
                SheetRow sr = new SheetRow(r + 1, cells);
                if (!sr.isBlank()) {
                    rows.add(sr);
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException de) {
                throw de;
            }
            throw new DomainException("excel.unreadable");
        }
    }

    /**
     * A cell as the text the user sees, except dates: DataFormatter renders Excel's default date format
     * (built-in 14, shown as 2021/3/1 in a Chinese Excel) as "3/1/21", with a two-digit year, so a
     * date cell reads as ISO {@code yyyy-MM-dd} instead (with {@code HH:mm} when it has a time of day).
     */
    private static String text(DataFormatter fmt, @Nullable Cell cell) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && cell.getNumericCellValue() >= 1
                && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime t = cell.getLocalDateTimeCellValue();
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                    : t.toLocalDate() + " " + t.toLocalTime().withSecond(0).withNano(0);
        }
        return fmt.formatCellValue(cell);
    }

    /** Writes one sheet with a bold header row; streams, so large exports stay in constant memory. */
    public static byte[] write(String sheetName, List<String> headers, Iterable<? extends List<?>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(headers.get(i));
                c.setCellStyle(bold);
                sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 2 + 4) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    setValue(row.createCell(i), values.get(i));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sheet of a workbook written by {@link #writeSheets}. */
    public record SheetData(String name, List<String> headers, List<? extends List<?>> rows) {}

    /** Writes several sheets (e.g. the sections of a dashboard), each like {@link #write}. */
    public static byte[] writeSheets(List<SheetData> sheets) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (SheetData data : sheets) {
                Sheet sheet = wb.createSheet(data.name());
                Row head = sheet.createRow(0);
                for (int i = 0; i < data.headers().size(); i++) {
                    Cell c = head.createCell(i);
                    c.setCellValue(data.headers().get(i));
                    c.setCellStyle(bold);
                    sheet.setColumnWidth(i, Math.max(10, data.headers().get(i).length() * 2 + 4) * 256);
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (List<?> values : data.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        setValue(row.createCell(i), values.get(i));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setValue(Cell cell, @Nullable Object value) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
