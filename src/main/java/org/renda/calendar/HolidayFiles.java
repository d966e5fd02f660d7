package org.renda.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.renda.shared.DomainException;
import org.renda.shared.excel.Xlsx;

/**
 * The holiday file: columns 日期, 类型 (放假 / 调休上班), 名称, one day a row, as .xlsx or as UTF-8 .csv
 * (lines starting with # are notes, e.g. the notice the days come from). The bundled national files in
 * {@code classpath:calendar/} have this form, so what the application seeds can be imported by hand too.
 */
final class HolidayFiles {

    static final String DATE = "日期";
    static final String KIND = "类型";
    static final String NAME = "名称";
    static final List<String> HEADERS = List.of(DATE, KIND, NAME);

    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private HolidayFiles() {}

    /** Reads either kind of file: a workbook starts with the zip signature "PK", anything else is read as CSV. */
    static List<Xlsx.SheetRow> read(InputStream in) {
        try {
            PushbackInputStream peek = new PushbackInputStream(in, 2);
            byte[] head = peek.readNBytes(2);
            peek.unread(head);
            if (head.length == 2 && head[0] == 'P' && head[1] == 'K') {
                return Xlsx.read(peek, HEADERS);
            }
            return csv(peek);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A simple CSV: comma separated, double quotes around a cell that holds a comma, UTF-8 with or without BOM. */
    static List<Xlsx.SheetRow> csv(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> header = null;
        List<Xlsx.SheetRow> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = split(line);
            if (header == null) {
                header = cells.stream().map(String::strip).toList();
                for (String required : HEADERS) {
                    if (!header.contains(required)) {
                        throw new DomainException("excel.missingColumn", required);
                    }
                }
                continue;
            }
            if (rows.size() >= Xlsx.MAX_ROWS) {
                throw new DomainException("excel.tooManyRows", Xlsx.MAX_ROWS);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            Xlsx.SheetRow row = new Xlsx.SheetRow(number, values);
            if (!row.isBlank()) {
                rows.add(row);
            }
        }
        if (header == null) {
            throw new DomainException("excel.empty");
        }
        return rows;
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** 2026-02-14, 2026/2/14, 2026.2.14 or 2026年2月14日. */
    static Optional<LocalDate> date(String text) {
        Matcher m = NUMERIC_DATE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** One bundled national file from the classpath, for the seed and for tests. */
    static Map<LocalDate, DayKind> bundled(String resource) {
        try (InputStream in = HolidayFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Map<LocalDate, DayKind> days = new LinkedHashMap<>();
            for (Xlsx.SheetRow row : csv(in)) {
                days.put(date(row.get(DATE)).orElseThrow(), DayKind.parse(row.get(KIND)).orElseThrow());
            }
            return days;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
