package org.renda.compliance;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.renda.audit.AuditTrail;
import org.renda.compliance.ComplianceStore.ChecklistRow;
import org.renda.compliance.ComplianceStore.NewItem;
import org.renda.compliance.ComplianceViews.ChecklistView;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.excel.RowError;
import org.renda.shared.excel.Xlsx;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A checklist from an Excel sheet (.xlsx), one item a row: number, chapter (area), the item's text, how it is
 * measured, and optionally the kind of evidence counted from Renda. Every row is checked before anything is written
 * and every bad row listed by number ("第 5 行：…"); one bad row and nothing is imported. The organisation's newest
 * version is replaced while no town has assessed against it; once frozen, the import becomes the next version.
 * Needs COMPLIANCE_REVIEW on the organisation (a province or a county).
 */
@Service
public class ChecklistImport {

    static final String SHEET = "条例落实清单";
    static final String NO = "序号";
    static final String CHAPTER = "章节";
    static final String BODY = "条目内容";
    static final String MEASURE = "衡量方式";
    static final String EVIDENCE = "佐证类型";
    static final List<String> HEADERS = List.of(NO, CHAPTER, BODY, MEASURE, EVIDENCE);
    static final List<String> REQUIRED = List.of(NO, CHAPTER, BODY, MEASURE);

    private final ComplianceStore store;
    private final ComplianceDesk desk;
    private final EvidenceShelf evidence;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    ChecklistImport(ComplianceStore store, ComplianceDesk desk, EvidenceShelf evidence, OrgTree orgs,
            CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.desk = desk;
        this.evidence = evidence;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** The headers, two example rows, and a second sheet naming the evidence kinds. */
    public byte[] template() {
        if (!currentActor.require().canAny(Permission.COMPLIANCE_REVIEW)) {
            throw new NotFoundException("error.notFound");
        }
        // Chinese names only: the import accepts a kind by its name (or its code, for programs)
        List<List<?>> kinds = evidence.all().stream().<List<?>>map(e -> List.of(e.label())).toList();
        return Xlsx.writeSheets(List.of(
                new Xlsx.SheetData(SHEET, HEADERS, List.of(
                        List.of(1, "人民代表大会会议", "乡镇人民代表大会每年至少举行两次会议", "全年举行会议次数不少于两次",
                                "人民代表大会会议（次）"),
                        List.of(2, "代表工作", "乡镇人大代表联络站（点）实现全覆盖", "每个村（社区）设站或点", "代表联络站（个）"))),
                new Xlsx.SheetData("佐证类型", List.of("佐证类型（可填入清单第五列）"), kinds)));
    }

    /** Imports the sheet as the organisation's checklist; {@link ImportRejected} lists each bad row. */
    @Transactional
    public ChecklistView importSheet(long orgId, String title, InputStream in) {
        currentActor.reach(Permission.COMPLIANCE_REVIEW).check(orgId);
        OrgView org = orgs.find(orgId).orElseThrow(() -> new NotFoundException("error.notFound"));
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw DomainException.onField("title", "compliance.import.titleMissing");
        }
        List<Xlsx.SheetRow> rows = Xlsx.read(in, REQUIRED);
        List<RowError> errors = new ArrayList<>();
        Map<Integer, Integer> firstRow = new HashMap<>();
        List<NewItem> items = new ArrayList<>();
        for (Xlsx.SheetRow row : rows) {
            int before = errors.size();
            for (String column : REQUIRED) {
                if (row.get(column).isBlank()) {
                    errors.add(new RowError(row.number(), "compliance.import.required", column));
                }
            }
            Integer no = null;
            String noText = row.get(NO);
            if (!noText.isEmpty()) {
                try {
                    no = Integer.parseInt(noText.replaceAll("\\.0+$", ""));
                    if (no < 1 || no > 999) {
                        throw new NumberFormatException();
                    }
                    Integer first = firstRow.putIfAbsent(no, row.number());
                    if (first != null) {
                        errors.add(new RowError(row.number(), "compliance.import.noTwice", no, first));
                    }
                } catch (NumberFormatException e) {
                    errors.add(new RowError(row.number(), "compliance.import.no", noText));
                    no = null;
                }
            }
            String chapter = row.get(CHAPTER);
            String body = row.get(BODY);
            String measure = row.get(MEASURE);
            if (chapter.length() > 100) {
                errors.add(new RowError(row.number(), "compliance.import.long", CHAPTER, 100));
            }
            if (body.length() > 1000) {
                errors.add(new RowError(row.number(), "compliance.import.long", BODY, 1000));
            }
            if (measure.length() > 500) {
                errors.add(new RowError(row.number(), "compliance.import.long", MEASURE, 500));
            }
            String kindText = row.get(EVIDENCE);
            String kind = null;
            if (!kindText.isEmpty()) {
                Optional<ComplianceEvidence> found = evidence.byCodeOrLabel(kindText);
                if (found.isEmpty()) {
                    errors.add(new RowError(row.number(), "compliance.import.evidence", kindText));
                } else {
                    kind = found.get().kind();
                }
            }
            if (errors.size() == before && no != null) {
                items.add(new NewItem(no, chapter, body, measure, kind));
            }
        }
        if (rows.isEmpty()) {
            errors.add(new RowError(1, "compliance.import.empty"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            throw new ImportRejected(errors);
        }
        items.sort(Comparator.comparingInt(NewItem::itemNo));
        Optional<ChecklistRow> latest = store.latestChecklist(orgId);
        long id;
        String action;
        if (latest.isPresent() && latest.get().frozenAt() == null) {
            id = latest.get().id();
            store.deleteItems(id);
            store.retitle(id, t);
            action = "UPDATED";
        } else {
            id = store.insertChecklist(orgId, t, latest.map(c -> c.versionNo() + 1).orElse(1),
                    currentActor.auditName());
            action = "CREATED";
        }
        for (NewItem item : items) {
            store.insertItem(id, orgId, item);
        }
        ChecklistView view = desk.view(store.checklist(id).orElseThrow());
        audit.record(org.id(), "compliance_checklist", id, "IMPORTED", null,
                Map.of("title", t, "versionNo", view.versionNo(), "items", items.size(), "as", action));
        return view;
    }
}
