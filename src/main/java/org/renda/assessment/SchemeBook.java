package org.renda.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentEnums.SchemeStatus;
import org.renda.assessment.AssessmentStore.SchemeRow;
import org.renda.assessment.AssessmentViews.Comment;
import org.renda.assessment.AssessmentViews.SchemeSummary;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.audit.AuditTrail;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment schemes as data: a versioned tree of areas, sources and indicators for a kind of subject.
 * Drafted by staff (from a template), put out for deputies' comments, approved by the presidium, frozen
 * once a period runs on it; a change after approval makes a new version (a copy) that goes the same way.
 */
@Service
@Transactional
public class SchemeBook {

    static final String AUDIT_TYPE = "assessment_scheme";

    private final AssessmentStore store;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    SchemeBook(AssessmentStore store, OrgTree orgs, CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** A scheme version with its definition (areas, sources, indicators, tiers, rules). */
    public record SchemeDetail(SchemeSummary summary, Scheme definition, List<String> problems, int version) {}

    @Transactional(readOnly = true)
    public List<SchemeSummary> list() {
        return store.schemes(currentActor.reach(Permission.ASSESSMENT_READ)).stream().map(this::summary)
                .toList();
    }

    /**
     * Schemes out for comment that the actor may comment on: those of the congresses whose deputies they
     * may read (deputies, staff), beside the ones they may read anyway.
     */
    @Transactional(readOnly = true)
    public List<SchemeSummary> openForComment() {
        Actor actor = currentActor.require();
        return store.schemes(actor.reach(Permission.DEPUTY_READ).or(actor.reach(Permission.ASSESSMENT_READ))).stream().filter(r -> r.status() == SchemeStatus.COMMENTING).map(this::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public SchemeDetail get(long id) {
        SchemeRow row = readable(id);
        return new SchemeDetail(summary(row), row.definition(), row.definition().problems(), row.version());
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(long id) {
        readable(id);
        return store.comments(id);
    }

    /**
     * Drafts version 1 of a new scheme from one of the templates ({@code VILLAGES}, {@code TOWNS},
     * {@code DEPUTIES}), for the organisation that runs the assessment.
     */
    public long draftFromTemplate(long orgId, String template, String name, int forYear) {
        currentActor.require().require(Permission.ASSESSMENT_WRITE, orgId);
        Scheme definition = SchemeTemplates.of(template);
        String code = template + "-" + forYear;
        int versionNo = store.maxVersion(orgId, code) + 1;
        if (name.isBlank() || name.length() > 200) {
            throw new DomainException("assessment.scheme.error.name");
        }
        long id = store.insertScheme(orgId, code, versionNo, name.strip(), SchemeTemplates.kindOf(template), forYear,
                definition, null, currentActor.auditName());
        audit.record(orgId, AUDIT_TYPE, id, "CREATED", null, auditView(store.scheme(id).orElseThrow()));
        return id;
    }

    /** Replaces the definition of a draft (the API; the page edits indicators one by one). */
    public void update(long id, int version, String name, Scheme definition) {
        SchemeRow before = editable(id);
        store.updateScheme(id, version, name.strip(), definition);
        audit.record(before.orgId(), AUDIT_TYPE, id, "UPDATED", auditView(before), auditView(editable(id)));
    }

    /** Changes one indicator's name and maximum in a draft. */
    public void updateIndicator(long id, int version, String code, String name, BigDecimal maxPoints) {
        SchemeRow row = editable(id);
        if (name.isBlank() || name.length() > 200) {
            throw new DomainException("assessment.scheme.error.name");
        }
        if (maxPoints.signum() <= 0 || maxPoints.compareTo(new BigDecimal("1000")) > 0) {
            throw new DomainException("assessment.scheme.error.max", code);
        }
        Scheme d = row.definition();
        if (d.indicator(code) == null) {
            throw new NotFoundException("error.notFound");
        }
        List<Indicator> indicators = new ArrayList<>();
        for (Indicator i : d.indicators()) {
            indicators.add(!i.code().equals(code) ? i : new Indicator(i.code(), i.area(), i.source(), name.strip(),
                    maxPoints, i.method(), i.countSource(), i.basePoints(), i.perOccurrence(), i.voteRef(), i.periods(),
                    i.reasonBelow(), i.guidance()));
        }
        update(id, version, row.name(), new Scheme(d.base(), d.weighting(), d.areas(), d.sources(), indicators,
                d.tiers(), d.rules()));
    }

    /** Puts the draft out for the deputies' comments. */
    public void openForComments(long id) {
        SchemeRow row = writable(id);
        move(row, SchemeStatus.DRAFT, SchemeStatus.COMMENTING, null);
    }

    /** A deputy's (or anyone's who may read the scheme) comment while it is out for comment. */
    public void comment(long id, String body) {
        SchemeRow row = store.scheme(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        Actor actor = currentActor.require();
        if (!actor.can(Permission.ASSESSMENT_READ, row.orgId()) && !actor.can(Permission.DEPUTY_READ, row.orgId())) {
            throw new NotFoundException("error.notFound");
        }
        if (row.status() != SchemeStatus.COMMENTING) {
            throw new DomainException("assessment.scheme.error.notCommenting");
        }
        if (body.isBlank() || body.length() > 2000) {
            throw new DomainException("assessment.scheme.error.comment");
        }
        store.addComment(row.orgId(), id, currentActor.auditName(), body.strip());
        audit.record(row.orgId(), AUDIT_TYPE, id, "COMMENTED", null, Map.of("comment", body.strip()));
    }

    /** The presidium approves the version; its definition must have no problems. */
    public void approve(long id) {
        SchemeRow row = store.scheme(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        currentActor.require().require(Permission.ASSESSMENT_DECIDE, row.orgId());
        if (!row.status().editable()) {
            throw new DomainException("assessment.scheme.error.notEditable");
        }
        List<String> problems = row.definition().problems();
        if (!problems.isEmpty()) {
            throw new DomainException("assessment.scheme.error.problems", problems.size());
        }
        move(row, row.status(), SchemeStatus.APPROVED, currentActor.auditName());
    }

    /** A change after approval: a copy of the version as the next version's draft. */
    public long newVersion(long id) {
        SchemeRow row = writable(id);
        if (row.status().editable()) {
            throw new DomainException("assessment.scheme.error.stillDraft");
        }
        int versionNo = store.maxVersion(row.orgId(), row.code()) + 1;
        long copy = store.insertScheme(row.orgId(), row.code(), versionNo, row.name(), row.subjectKind(), row.forYear(),
                row.definition(), row.id(), currentActor.auditName());
        audit.record(row.orgId(), AUDIT_TYPE, copy, "VERSIONED", null, auditView(store.scheme(copy).orElseThrow()));
        return copy;
    }

    /** Freezes an approved version when its first period opens (package: called by the desk). */
    void freeze(SchemeRow row) {
        if (row.status() == SchemeStatus.APPROVED) {
            move(row, SchemeStatus.APPROVED, SchemeStatus.FROZEN, null);
        }
    }

    private void move(SchemeRow row, SchemeStatus from, SchemeStatus to, @Nullable String approvedBy) {
        store.schemeStatus(row.id(), from, to, approvedBy);
        audit.record(row.orgId(), AUDIT_TYPE, row.id(), to.name(), Map.of("status", from.name()),
                Map.of("status", to.name()));
    }

    /** Readable with ASSESSMENT_READ; while out for comment, also by the congress's deputies (DEPUTY_READ). */
    SchemeRow readable(long id) {
        SchemeRow row = store.scheme(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        Actor actor = currentActor.require();
        if (row.status() == SchemeStatus.COMMENTING && actor.reach(Permission.DEPUTY_READ).covers(row.orgId())) {
            return row;
        }
        return actor.reach(Permission.ASSESSMENT_READ).check(row, SchemeRow::orgId);
    }

    private SchemeRow writable(long id) {
        return currentActor.reach(Permission.ASSESSMENT_WRITE).guard(store.scheme(id), SchemeRow::orgId);
    }

    private SchemeRow editable(long id) {
        SchemeRow row = writable(id);
        if (!row.status().editable()) {
            throw new DomainException("assessment.scheme.error.notEditable");
        }
        return row;
    }

    SchemeSummary summary(SchemeRow r) {
        String orgName = orgs.find(r.orgId()).map(OrgView::name).orElse("");
        return new SchemeSummary(r.id(), r.orgId(), orgName, r.code(), r.versionNo(), r.name(), r.subjectKind(),
                r.forYear(), r.status(), r.approvedBy(), r.approvedAt());
    }

    private static Map<String, Object> auditView(SchemeRow r) {
        return Map.of("name", r.name(), "code", r.code(), "versionNo", r.versionNo(), "status", r.status().name(),
                "definition", r.definition());
    }
}
