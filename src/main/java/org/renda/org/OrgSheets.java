package org.renda.org;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.renda.audit.AuditTrail;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.excel.RowError;
import org.renda.shared.excel.Xlsx;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports and exports the organisation roster as .xlsx. An import is checked whole before anything is
 * written, and written in one transaction: a file with any bad row changes nothing, and the answer
 * lists every bad row ("第 17 行：上级单位不存在").
 */
@Service
public class OrgSheets {

    static final String CODE = "编码";
    static final String NAME = "名称";
    static final String TYPE = "类型";
    static final String PARENT = "上级编码";
    static final String ORDER = "排序";
    static final String STATUS = "状态";
    static final List<String> HEADERS = List.of(CODE, NAME, TYPE, PARENT, ORDER, STATUS);
    static final String ACTIVE = "启用";
    static final String INACTIVE = "停用";

    private final OrgStore store;
    private final OrgDirectory directory;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    OrgSheets(OrgStore store, OrgDirectory directory, CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.directory = directory;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** What an import did. */
    public record ImportResult(int created, int updated) {}

    /** The subtree of {@code rootId} that the actor can see, one organisation a row. */
    @Transactional(readOnly = true)
    public byte[] export(long rootId) {
        List<OrgView> orgs = directory.subtree(rootId);
        Map<Long, String> codes = new HashMap<>();
        store.byIds(orgs.stream().map(OrgView::parentId).filter(java.util.Objects::nonNull).toList())
                .forEach(o -> codes.put(o.id(), o.code()));
        List<List<?>> rows = orgs.stream()
                .<List<?>>map(o -> List.of(o.code(), o.name(), o.type().label(),
                        o.parentId() == null ? "" : codes.getOrDefault(o.parentId(), ""), o.sortOrder(),
                        o.active() ? ACTIVE : INACTIVE))
                .toList();
        return Xlsx.write("组织机构", HEADERS, rows);
    }

    /** An empty sheet with the headers and one example row. */
    public byte[] template() {
        return Xlsx.write("组织机构", HEADERS, List.of(List.of("V-EXAMPLE-01", "示例村", "村", "上级单位编码", 1, ACTIVE)));
    }

    @Transactional
    public ImportResult importSheet(InputStream in) {
        Actor actor = currentActor.require();
        Reach writable = actor.reach(Permission.ORG_WRITE);
        List<Xlsx.SheetRow> rows = Xlsx.read(in, List.of(CODE, NAME, TYPE, PARENT));
        List<RowError> errors = new ArrayList<>();
        Map<String, Parsed> byCode = new LinkedHashMap<>();

        for (Xlsx.SheetRow row : rows) {
            String code = row.get(CODE);
            String name = row.get(NAME);
            Optional<OrgType> type = OrgType.parse(row.get(TYPE));
            int before = errors.size();
            if (code.isEmpty()) {
                errors.add(new RowError(row.number(), "import.org.codeMissing"));
            } else if (!code.matches("[A-Za-z0-9._-]{1,32}")) {
                errors.add(new RowError(row.number(), "import.org.codeInvalid", code));
            } else if (byCode.containsKey(code)) {
                errors.add(new RowError(row.number(), "import.org.codeDuplicate", code, byCode.get(code).row));
            }
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new RowError(row.number(), "import.org.nameInvalid"));
            }
            if (type.isEmpty()) {
                errors.add(new RowError(row.number(), "import.org.typeUnknown", row.get(TYPE)));
            }
            int order = 0;
            String orderText = row.get(ORDER);
            if (!orderText.isEmpty()) {
                try {
                    order = (int) Double.parseDouble(orderText);
                } catch (NumberFormatException e) {
                    errors.add(new RowError(row.number(), "import.org.orderInvalid", orderText));
                }
            }
            String status = row.get(STATUS);
            if (!status.isEmpty() && !status.equals(ACTIVE) && !status.equals(INACTIVE)) {
                errors.add(new RowError(row.number(), "import.org.statusInvalid", status));
            }
            if (errors.size() == before) {
                byCode.put(code, new Parsed(row.number(), code, name, type.get(), row.get(PARENT), order,
                        !status.equals(INACTIVE)));
            }
        }

        // Second pass: parents, kinds and reach, now that every code of the file is known.
        for (Parsed p : byCode.values()) {
            Optional<OrgView> existing = store.byCode(p.code);
            if (existing.isPresent() && !writable.covers(existing.get().id())) {
                errors.add(new RowError(p.row, "import.org.codeTaken", p.code));
                continue;
            }
            if (p.parentCode.isEmpty()) {
                if (existing.isEmpty() || existing.get().parentId() != null) {
                    errors.add(new RowError(p.row, "import.org.parentMissing"));
                }
                continue;
            }
            OrgType parentType;
            Parsed inFile = byCode.get(p.parentCode);
            if (inFile != null) {
                parentType = inFile.type;
            } else {
                Optional<OrgView> parent = store.byCode(p.parentCode).filter(o -> writable.covers(o.id()));
                if (parent.isEmpty()) {
                    errors.add(new RowError(p.row, "import.org.parentNotFound", p.parentCode));
                    continue;
                }
                parentType = parent.get().type();
            }
            if (!p.type.mayStandUnder(parentType)) {
                errors.add(new RowError(p.row, "import.org.typeNotAllowed", p.type.label(), parentType.label()));
            }
            if (existing.isPresent() && existing.get().parentId() != null) {
                OrgView currentParent = store.byId(existing.get().parentId()).orElseThrow();
                if (!currentParent.code().equals(p.parentCode)) {
                    errors.add(new RowError(p.row, "import.org.parentChanged", currentParent.code()));
                }
            }
        }
        errors.addAll(cycles(byCode));
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            throw new ImportRejected(errors);
        }

        int created = 0;
        int updated = 0;
        Map<String, Boolean> done = new HashMap<>();
        for (Parsed p : byCode.values()) {
            int[] counts = apply(p, byCode, done);
            created += counts[0];
            updated += counts[1];
        }
        return new ImportResult(created, updated);
    }

    /** Writes a row after its parent (depth first), so a file may list children before parents. */
    private int[] apply(Parsed p, Map<String, Parsed> byCode, Map<String, Boolean> done) {
        int[] counts = {0, 0};
        if (done.containsKey(p.code)) {
            return counts;
        }
        done.put(p.code, true);
        Parsed parentRow = byCode.get(p.parentCode);
        if (parentRow != null) {
            int[] c = apply(parentRow, byCode, done);
            counts[0] += c[0];
            counts[1] += c[1];
        }
        Optional<OrgView> existing = store.byCode(p.code);
        if (existing.isPresent()) {
            OrgView before = existing.get();
            if (!before.name().equals(p.name) || before.type() != p.type || before.sortOrder() != p.order
                    || before.active() != p.active) {
                store.update(before.id(), before.version(), p.name, p.type, p.order, p.active);
                audit.record(before.id(), OrgAdministration.AUDIT_TYPE, before.id(), "IMPORTED", before,
                        store.byId(before.id()).orElseThrow());
                counts[1]++;
            }
        } else {
            OrgView parent = store.byCode(p.parentCode).orElseThrow();
            long id = store.insert(p.code, p.name, p.type, parent, p.order);
            OrgView created = store.byId(id).orElseThrow();
            if (!p.active) {
                store.update(id, created.version(), p.name, p.type, p.order, false);
                created = store.byId(id).orElseThrow();
            }
            audit.record(id, OrgAdministration.AUDIT_TYPE, id, "IMPORTED", null, created);
            counts[0]++;
        }
        return counts;
    }

    private static List<RowError> cycles(Map<String, Parsed> byCode) {
        List<RowError> errors = new ArrayList<>();
        for (Parsed p : byCode.values()) {
            Set<String> seen = new java.util.HashSet<>();
            Parsed cur = p;
            while (cur != null && seen.add(cur.code)) {
                cur = byCode.get(cur.parentCode);
            }
            if (cur != null && cur == p) {
                errors.add(new RowError(p.row, "import.org.cycle", p.code));
            }
        }
        return errors;
    }

    private record Parsed(int row, String code, String name, OrgType type, String parentCode, int order,
            boolean active) {}
}
