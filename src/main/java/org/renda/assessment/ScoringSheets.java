package org.renda.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.AssessmentEnums.SheetStatus;
import org.renda.assessment.SheetStore.GroupRow;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.SheetStore.SheetRowData;
import org.renda.assessment.AssessmentViews.Sheet;
import org.renda.assessment.AssessmentViews.SheetRow;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scoring sheets: one group, one subject, a row per indicator assigned to the group. Members of the group
 * fill them on a phone; staff enter paper sheets. A deputy cannot score the village they live in, the
 * deputy they are, or a subject they declared a conflict with.
 */
@Service
@Transactional
public class ScoringSheets {

    static final String AUDIT_TYPE = "assessment_sheet";

    private final AssessmentStore store;
    private final SheetStore sheetStore;
    private final PeriodAccess access;
    private final DeputyRegister deputies;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    ScoringSheets(AssessmentStore store, SheetStore sheetStore, PeriodAccess access, DeputyRegister deputies,
            CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.sheetStore = sheetStore;
        this.access = access;
        this.deputies = deputies;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** One row as entered: points (blank while not yet scored) and a note. */
    public record Entry(@Nullable BigDecimal points, @Nullable String note) {}

    /** The sheets of the signed-in evaluator's groups in open periods. */
    @Transactional(readOnly = true)
    public List<SheetSummary> mine() {
        return sheetStore.sheetsOfUser(currentActor.require().userId());
    }

    @Transactional(readOnly = true)
    public Sheet get(long sheetId) {
        SheetSummary s = sheetStore.sheet(sheetId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = store.period(s.periodId()).orElseThrow();
        Actor actor = currentActor.require();
        if (!actor.can(Permission.ASSESSMENT_READ, p.orgId()) && !sheetStore.isMember(s.groupId(), actor.userId())) {
            throw new NotFoundException("error.notFound");
        }
        return sheet(s, p);
    }

    /** Whether the signed-in user may fill the sheet, and if not, the message key why (null when they may). */
    @Transactional(readOnly = true)
    public @Nullable String refusal(long sheetId) {
        SheetSummary s = sheetStore.sheet(sheetId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = store.period(s.periodId()).orElseThrow();
        return conflict(s, p).orElse(null);
    }

    /**
     * Saves the rows of a sheet, and submits it when {@code submit} (every row must then be scored). A group
     * member scores on their own behalf; staff who are not members enter a paper sheet.
     */
    public Sheet save(long sheetId, int version, Map<String, Entry> entries, boolean submit) {
        SheetSummary s = sheetStore.sheet(sheetId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = store.period(s.periodId()).orElseThrow();
        Actor actor = currentActor.require();
        boolean member = sheetStore.isMember(s.groupId(), actor.userId());
        boolean staff = actor.can(Permission.ASSESSMENT_WRITE, p.orgId());
        if (!member && !staff) {
            throw new NotFoundException("error.notFound");
        }
        if (member) {
            Optional<String> conflict = conflict(s, p);
            if (conflict.isPresent()) {
                throw new DomainException(conflict.get(), s.subjectName());
            }
        }
        if (p.status() != PeriodStatus.OPEN) {
            throw new DomainException("assessment.period.error.notOpen");
        }
        if (s.status() == SheetStatus.SUBMITTED) {
            throw new DomainException("assessment.sheet.error.submitted");
        }
        if (sheetStore.sheetVersion(sheetId) != version) {
            throw new DomainException("assessment.error.stale");
        }
        Scheme scheme = access.scheme(p).definition();
        GroupRow group = sheetStore.group(s.groupId()).orElseThrow();
        Map<String, SheetRowData> before = sheetStore.rows(sheetId);
        List<SheetRowData> rows = new ArrayList<>();
        for (String code : group.indicators()) {
            Indicator i = scheme.indicator(code);
            if (i == null) {
                continue;
            }
            Entry e = entries.get(code);
            BigDecimal points = e == null ? null : e.points();
            String note = e == null || e.note() == null || e.note().isBlank() ? null : e.note().strip();
            if (points != null) {
                if (points.signum() < 0 || points.compareTo(i.maxPoints()) > 0) {
                    throw DomainException.onField("points[" + code + "]", "assessment.sheet.error.range", i.name(), i.maxPoints().stripTrailingZeros()
                            .toPlainString());
                }
                if (points.scale() > 2 && points.setScale(2, RoundingMode.DOWN).compareTo(points) != 0) {
                    throw DomainException.onField("points[" + code + "]", "assessment.sheet.error.decimals", i.name());
                }
                if (i.reasonBelow() != null && note == null
                        && points.compareTo(i.maxPoints().multiply(i.reasonBelow())) < 0) {
                    throw DomainException.onField("notes[" + code + "]", "assessment.sheet.error.reason", i.name());
                }
                points = points.setScale(2, RoundingMode.HALF_UP);
            } else if (submit) {
                throw DomainException.onField("points[" + code + "]", "assessment.sheet.error.incomplete", i.name());
            }
            if (note != null && note.length() > 500) {
                throw DomainException.onField("notes[" + code + "]", "assessment.sheet.error.note");
            }
            rows.add(new SheetRowData(code, points, note));
        }
        long orgId = p.orgId();
        sheetStore.saveRows(sheetId, orgId, rows);
        boolean paper = !member;
        sheetStore.sheetState(sheetId, version, submit ? SheetStatus.SUBMITTED : SheetStatus.DRAFT, paper,
                submit ? currentActor.auditName() : null);
        audit.record(orgId, AUDIT_TYPE, sheetId, submit ? (paper ? "PAPER_ENTERED" : "SUBMITTED") : "SAVED",
                auditView(before.values()), Map.of("subject", s.subjectName(), "group", s.groupName(), "rows",
                        auditView(rows)));
        return get(sheetId);
    }

    /** Staff reopen a submitted sheet (a mistake on paper, an evaluator's request) while the period is open. */
    public void reopen(long sheetId) {
        SheetSummary s = sheetStore.sheet(sheetId).orElseThrow(() -> new NotFoundException("error.notFound"));
        PeriodRow p = store.period(s.periodId()).orElseThrow();
        currentActor.require().require(Permission.ASSESSMENT_WRITE, p.orgId());
        if (p.status() != PeriodStatus.OPEN || s.status() != SheetStatus.SUBMITTED) {
            throw new DomainException("assessment.period.error.notOpen");
        }
        sheetStore.sheetState(sheetId, sheetStore.sheetVersion(sheetId), SheetStatus.DRAFT, s.onPaper(), null);
        audit.record(p.orgId(), AUDIT_TYPE, sheetId, "REOPENED", Map.of("status", "SUBMITTED"),
                Map.of("status", "DRAFT"));
    }

    private Optional<String> conflict(SheetSummary s, PeriodRow p) {
        Actor actor = currentActor.require();
        if (sheetStore.conflict(actor.userId(), s.subjectId()).isPresent()) {
            return Optional.of("assessment.sheet.error.conflictDeclared");
        }
        Optional<DeputyProfile> me = deputies.mine();
        if (me.isEmpty()) {
            return Optional.empty();
        }
        SubjectView subject = store.subject(s.subjectId()).orElseThrow();
        boolean deputyScheme = access.scheme(p).subjectKind() == SubjectKind.DEPUTY;
        if (deputyScheme ? me.get().id() == subject.ref() : me.get().orgId() == subject.subjectOrgId()) {
            return Optional.of(deputyScheme ? "assessment.sheet.error.conflictSelf" : "assessment.sheet.error.conflictOwn");
        }
        return Optional.empty();
    }

    private Sheet sheet(SheetSummary s, PeriodRow p) {
        Scheme scheme = access.scheme(p).definition();
        GroupRow group = sheetStore.group(s.groupId()).orElseThrow();
        Map<String, SheetRowData> data = sheetStore.rows(s.id());
        List<SheetRow> rows = new ArrayList<>();
        for (String code : group.indicators()) {
            Indicator i = scheme.indicator(code);
            if (i == null) {
                continue;
            }
            SheetRowData d = data.get(code);
            String area = scheme.areas().stream().filter(a -> a.code().equals(i.area())).map(Scheme.Area::name)
                    .findFirst().orElse(i.area());
            String source = scheme.sources().stream().filter(x -> x.code().equals(i.source()))
                    .map(Scheme.Source::name).findFirst().orElse(i.source());
            rows.add(new SheetRow(code, i.name(), area, source, i.maxPoints(), i.reasonBelow(), i.guidance(),
                    d == null ? null : d.points(), d == null ? null : d.note()));
        }
        return new Sheet(s, p.orgId(), p.status(), rows, sheetStore.sheetVersion(s.id()));
    }

    private static List<Map<String, Object>> auditView(java.util.Collection<SheetRowData> rows) {
        return rows.stream().map(r -> Map.<String, Object>of("indicator", r.indicator(), "points",
                r.points() == null ? "" : r.points().toPlainString(), "note", r.note() == null ? "" : r.note()))
                .toList();
    }
}
