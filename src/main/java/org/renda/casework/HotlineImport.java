package org.renda.casework;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Source;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Permission;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.excel.RowError;
import org.renda.shared.excel.Xlsx;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the 12345 hotline's work orders (.xlsx, or .csv in UTF-8 or GBK as hotline systems export
 * them) into an organisation's cases. The work-order number makes a re-import skip what came before;
 * a file with a bad row imports nothing.
 */
@Service
public class HotlineImport {

    static final String NUMBER = "工单编号";
    static final String CATEGORY = "诉求分类";
    static final String TITLE = "标题";
    static final String CONTENT = "诉求内容";
    static final String PLACE = "地点";
    static final String CALLER = "来电人";
    static final String PHONE = "联系电话";
    static final List<String> HEADERS = List.of(NUMBER, CATEGORY, TITLE, CONTENT, PLACE, CALLER, PHONE);

    private final CaseDesk desk;
    private final CaseStore store;
    private final CurrentActor currentActor;

    HotlineImport(CaseDesk desk, CaseStore store, CurrentActor currentActor) {
        this.desk = desk;
        this.store = store;
        this.currentActor = currentActor;
    }

    public record Result(int created, int skipped) {}

    @Transactional
    public Result importFile(long orgId, String fileName, byte[] data) {
        currentActor.require().require(Permission.CASE_WRITE, orgId);
        List<Xlsx.SheetRow> rows = fileName.toLowerCase().endsWith(".csv") ? csv(data)
                : Xlsx.read(new ByteArrayInputStream(data), List.of(NUMBER, CONTENT));
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Xlsx.SheetRow r : rows) {
            String number = r.get(NUMBER);
            if (number.isEmpty() || number.length() > 60) {
                errors.add(new RowError(r.number(), "hotline.error.number"));
            } else if (!seen.add(number)) {
                errors.add(new RowError(r.number(), "hotline.error.duplicate", number));
            }
            if (r.get(CONTENT).isEmpty() || r.get(CONTENT).length() > 5000) {
                errors.add(new RowError(r.number(), "hotline.error.content"));
            }
            if (!r.get(PHONE).isEmpty() && !r.get(PHONE).matches("[0-9+\\- ]{5,20}")) {
                errors.add(new RowError(r.number(), "hotline.error.phone", r.get(PHONE)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        int created = 0;
        int skipped = 0;
        for (Xlsx.SheetRow r : rows) {
            String key = "hotline:" + orgId + ":" + r.get(NUMBER);
            if (store.byIdempotencyKey(key).isPresent()) {
                skipped++;
                continue;
            }
            String category = CaseDesk.CATEGORIES.contains(r.get(CATEGORY)) ? r.get(CATEGORY) : "其他";
            String title = r.get(TITLE).isEmpty() ? abbreviate(r.get(CONTENT)) : abbreviate(r.get(TITLE));
            desk.importHotline(new CaseDesk.StaffIntake(orgId, Source.HOTLINE, Kind.OPINION, category, title,
                    r.get(CONTENT), r.get(PLACE), r.get(CALLER), r.get(PHONE), r.get(CALLER).isEmpty()
                            && r.get(PHONE).isEmpty(), null), key);
            created++;
        }
        return new Result(created, skipped);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /** UTF-8 (with or without BOM) or, when that does not decode, GBK. */
    private static List<Xlsx.SheetRow> csv(byte[] data) {
        Charset charset = isUtf8(data) ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(stripBom(data)), charset);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            if (!parser.getHeaderNames().contains(NUMBER) || !parser.getHeaderNames().contains(CONTENT)) {
                throw new DomainException("excel.missingColumn", NUMBER + "、" + CONTENT);
            }
            List<Xlsx.SheetRow> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                if (rows.size() >= Xlsx.MAX_ROWS) {
                    throw new DomainException("excel.tooManyRows", Xlsx.MAX_ROWS);
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (String h : parser.getHeaderNames()) {
                    cells.put(h, rec.isMapped(h) && rec.isSet(h) ? rec.get(h) : "");
                }
                rows.add(new Xlsx.SheetRow((int) rec.getRecordNumber() + 1, cells));
            }
            return rows;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new DomainException("excel.unreadable");
        }
    }

    private static boolean isUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(data));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] stripBom(byte[] d) {
        return d.length >= 3 && (d[0] & 0xff) == 0xef && (d[1] & 0xff) == 0xbb && (d[2] & 0xff) == 0xbf
                ? java.util.Arrays.copyOfRange(d, 3, d.length) : d;
    }
}
