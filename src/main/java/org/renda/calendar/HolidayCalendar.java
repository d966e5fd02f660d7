package org.renda.calendar;

import jakarta.validation.Valid;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.renda.audit.AuditTrail;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.excel.RowError;
import org.renda.shared.excel.Xlsx;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the listed days of the calendar: the national holidays and make-up working days, and an
 * organisation's own days. Reads are open to whoever may read the scope; every change needs
 * CALENDAR_WRITE on it (see {@link CalendarScopes}), is audited in its transaction and drops the cache of
 * {@link WorkingCalendar} when it ends. An import is checked whole first and saves nothing when any row is bad.
 */
@Validated
@Service
@Transactional
public class HolidayCalendar {

    static final String AUDIT_TYPE = "calendar_day";
    static final int MAX_NAME = 50;

    private final CalendarStore store;
    private final WorkingCalendar calendar;
    private final CalendarScopes scopes;
    private final Lineages lineages;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    HolidayCalendar(CalendarStore store, WorkingCalendar calendar, CalendarScopes scopes, Lineages lineages,
            CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.calendar = calendar;
        this.scopes = scopes;
        this.lineages = lineages;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** A day to list. */
    public record DayForm(@NotNull LocalDate date, @NotNull DayKind kind, @NotBlank @Size(max = MAX_NAME) String name) {}

    /** What an import did. */
    public record ImportResult(int created, int updated, int unchanged) {}

    /**
     * The listed days of a year that apply to a scope: the national ones and those of the scope's
     * lineage, ordered by date (a date can appear twice when an organisation overrides the national entry).
     */
    @Transactional(readOnly = true)
    public List<CalendarDay> days(long orgId, int year) {
        scopes.requireRead(currentActor.require(), orgId);
        Set<Long> applying = new HashSet<>();
        applying.add(WorkingCalendar.NATIONAL);
        for (long id : lineages.of(orgId)) {
            applying.add(id);
        }
        return store.inYear(year).stream().filter(d -> applying.contains(d.orgId()))
                .sorted(Comparator.comparing(CalendarDay::date).thenComparing(d -> depth(d.orgId(), orgId)))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean canWrite(long orgId) {
        return scopes.canWrite(currentActor.require(), orgId);
    }

    /** Lists a day for a scope, or changes the kind and name of the day already listed on that date. */
    public CalendarDay put(long orgId, @Valid DayForm form) {
        scopes.requireWrite(currentActor.require(), orgId);
        String name = checkedName(form.name());
        Optional<CalendarDay> before = store.find(orgId, form.date());
        long id;
        if (before.isPresent()) {
            id = before.get().id();
            store.update(id, form.kind(), name);
        } else {
            id = store.insert(orgId, form.date(), form.kind(), name);
        }
        CalendarDay after = store.byId(id).orElseThrow();
        audit.record(scopes.auditOrg(orgId), AUDIT_TYPE, id, before.isPresent() ? "UPDATED" : "CREATED",
                before.orElse(null), after);
        calendar.invalidate();
        return after;
    }

    /** Removes a listed day: the date then follows the Monday-to-Friday rule (or the wider scope's entry). */
    public void remove(long dayId) {
        CalendarDay day = store.byId(dayId).orElseThrow(() -> new NotFoundException("error.notFound"));
        scopes.requireWrite(currentActor.require(), day.orgId());
        store.delete(dayId);
        audit.record(scopes.auditOrg(day.orgId()), AUDIT_TYPE, dayId, "DELETED", day, null);
        calendar.invalidate();
    }

    /**
     * Imports a holiday file (.xlsx or .csv; columns 日期, 类型, 名称) into a scope. A date already listed
     * takes the file's kind and name. Every row is checked before anything is written.
     */
    public ImportResult importFile(long orgId, InputStream in) {
        scopes.requireWrite(currentActor.require(), orgId);
        return apply(orgId, parse(HolidayFiles.read(in)), true);
    }

    /** The listed days of a scope's own (not inherited) year as a holiday file that imports back unchanged. */
    @Transactional(readOnly = true)
    public byte[] export(long orgId, int year) {
        scopes.requireRead(currentActor.require(), orgId);
        List<List<?>> rows = store.inYear(year).stream().filter(d -> d.orgId() == orgId)
                .<List<?>>map(d -> List.of(d.date().toString(), d.kind().label(), d.name())).toList();
        return Xlsx.write("工作日历", HolidayFiles.HEADERS, rows);
    }

    /**
     * Loads a bundled national file unless it was loaded before; days already listed keep their entry (a
     * clerk's correction wins). Runs as the system at start-up, audited as "system".
     */
    ImportResult seed(String name, InputStream in) {
        Actor actor = currentActor.require();
        scopes.requireWrite(actor, WorkingCalendar.NATIONAL);
        if (!store.markSeeded(name)) {
            return new ImportResult(0, 0, 0);
        }
        return apply(WorkingCalendar.NATIONAL, parse(HolidayFiles.read(in)), false);
    }

    private Map<LocalDate, Parsed> parse(List<Xlsx.SheetRow> rows) {
        List<RowError> errors = new ArrayList<>();
        Map<LocalDate, Parsed> byDate = new LinkedHashMap<>();
        for (Xlsx.SheetRow row : rows) {
            int before = errors.size();
            Optional<LocalDate> date = HolidayFiles.date(row.get(HolidayFiles.DATE));
            Optional<DayKind> kind = DayKind.parse(row.get(HolidayFiles.KIND));
            String name = row.get(HolidayFiles.NAME);
            if (row.get(HolidayFiles.DATE).isEmpty()) {
                errors.add(new RowError(row.number(), "calendar.import.dateMissing"));
            } else if (date.isEmpty()) {
                errors.add(new RowError(row.number(), "calendar.import.dateInvalid", row.get(HolidayFiles.DATE)));
            } else if (date.get().getYear() < 2000 || date.get().getYear() > 2100) {
                errors.add(new RowError(row.number(), "calendar.import.dateInvalid", row.get(HolidayFiles.DATE)));
            } else if (byDate.containsKey(date.get())) {
                errors.add(new RowError(row.number(), "calendar.import.dateDuplicate", date.get().toString(),
                        byDate.get(date.get()).row()));
            }
            if (kind.isEmpty()) {
                errors.add(new RowError(row.number(), "calendar.import.kindUnknown", row.get(HolidayFiles.KIND)));
            }
            if (name.isEmpty() || name.length() > MAX_NAME) {
                errors.add(new RowError(row.number(), "calendar.import.nameInvalid", MAX_NAME));
            }
            if (errors.size() == before) {
                byDate.put(date.get(), new Parsed(row.number(), date.get(), kind.get(), name));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        if (byDate.isEmpty()) {
            throw new DomainException("excel.empty");
        }
        return byDate;
    }

    private ImportResult apply(long orgId, Map<LocalDate, Parsed> rows, boolean overwrite) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        long auditOrg = scopes.auditOrg(orgId);
        for (Parsed p : rows.values()) {
            Optional<CalendarDay> existing = store.find(orgId, p.date());
            if (existing.isEmpty()) {
                long id = store.insert(orgId, p.date(), p.kind(), p.name());
                audit.record(auditOrg, AUDIT_TYPE, id, "IMPORTED", null, store.byId(id).orElseThrow());
                created++;
            } else if (overwrite && (existing.get().kind() != p.kind() || !existing.get().name().equals(p.name()))) {
                store.update(existing.get().id(), p.kind(), p.name());
                audit.record(auditOrg, AUDIT_TYPE, existing.get().id(), "IMPORTED", existing.get(),
                        store.byId(existing.get().id()).orElseThrow());
                updated++;
            } else {
                unchanged++;
            }
        }
        calendar.invalidate();
        return new ImportResult(created, updated, unchanged);
    }

    private static String checkedName(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new DomainException("calendar.error.nameInvalid", MAX_NAME);
        }
        return n;
    }

    /** Sort key: the national entry of a date first, then the nearer organisations. */
    private int depth(long dayOrg, long scope) {
        if (dayOrg == WorkingCalendar.NATIONAL) {
            return -1;
        }
        long[] lineage = lineages.of(scope);
        for (int i = 0; i < lineage.length; i++) {
            if (lineage[i] == dayOrg) {
                return i;
            }
        }
        return lineage.length;
    }

    private record Parsed(int row, LocalDate date, DayKind kind, String name) {}
}
