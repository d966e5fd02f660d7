package org.renda.casework;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.casework.CaseDesk.DeputySuggestion;
import org.renda.casework.CaseDesk.PublicSubmission;
import org.renda.casework.CaseDesk.Receipt;
import org.renda.casework.CaseDesk.StaffIntake;
import org.renda.casework.CaseDesk.Upload;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Source;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Permission;
import org.renda.shared.RandomCodes;
import org.renda.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake from every channel: the public form and partner systems (with idempotency keys), staff at a reception,
 * a visit or the hotline, the 12345 import, and deputies' co-signed suggestions. Every case starts RECEIVED
 * with a receipt code, its photos, a first step on its timeline and an audit entry.
 */
@Component
@Transactional
class CaseIntake {

    static final List<String> CATEGORIES = List.of("交通出行", "教育", "医疗卫生", "生态环境", "城乡建设", "农业农村",
            "社会保障", "就业创业", "安全生产", "政务服务", "其他");

    private static final String CODE = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final CaseStore store;
    private final CaseFiles files;
    private final OrgTree orgs;
    private final DeputyRegister deputies;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    CaseIntake(CaseStore store, CaseFiles files, OrgTree orgs, DeputyRegister deputies, CurrentActor currentActor,
            AuditTrail audit, ApplicationEventPublisher events) {
        this.store = store;
        this.files = files;
        this.orgs = orgs;
        this.deputies = deputies;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** See {@link CaseDesk#submitPublic}. */
    Receipt submitPublic(PublicSubmission s, @Nullable String idempotencyKey, List<Upload> uploads) {
        if (idempotencyKey != null) {
            Optional<CaseStore.Row> earlier = store.byIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                if (!samePublicSubmission(earlier.get(), s)) {
                    throw new DomainException(CaseDesk.IDEMPOTENCY_CONFLICT);
                }
                return new Receipt(earlier.get().receiptCode(), earlier.get().id(), true);
            }
        }
        OrgView org = orgs.findByCode(s.orgCode().strip()).filter(OrgView::active)
                .filter(o -> o.type() == OrgType.TOWN || o.type() == OrgType.STREET || o.type() == OrgType.COUNTY)
                .orElseThrow(() -> DomainException.onField("orgCode", "case.error.org"));
        checkCategory(s.category());
        CaseFiles.checkPhotos(uploads);
        boolean anonymous = anonymous(s);
        long id = store.insert(new CaseStore.NewCase(org.id(), newReceipt(), Source.PUBLIC_FORM, Kind.OPINION,
                s.category(), s.title().strip(), s.content().strip(), Texts.blankToNull(s.location()),
                anonymous ? null : Texts.blankToNull(s.name()), anonymous ? null : Texts.blankToNull(s.phone()),
                anonymous, null, false, idempotencyKey));
        return received(id, org.id(), Source.PUBLIC_FORM, uploads);
    }

    Optional<Receipt> receiptOfSame(PublicSubmission s, String idempotencyKey) {
        return store.byIdempotencyKey(idempotencyKey).filter(c -> samePublicSubmission(c, s))
                .map(c -> new Receipt(c.receiptCode(), c.id(), true));
    }

    private static boolean anonymous(PublicSubmission s) {
        return s.anonymous() || Texts.blankToNull(s.name()) == null && Texts.blankToNull(s.phone()) == null;
    }

    /** Whether a stored public case holds this submission (as submitPublic would have stored it). */
    private boolean samePublicSubmission(CaseStore.Row c, PublicSubmission s) {
        boolean anonymous = anonymous(s);
        return c.source() == Source.PUBLIC_FORM
                && orgs.find(c.orgId()).map(o -> o.code().equals(s.orgCode().strip())).orElse(false)
                && c.category().equals(s.category()) && c.title().equals(s.title().strip())
                && c.content().equals(s.content().strip()) && Objects.equals(c.location(), Texts.blankToNull(s.location()))
                && c.anonymous() == anonymous
                && Objects.equals(c.submitterName(), anonymous ? null : Texts.blankToNull(s.name()))
                && Objects.equals(c.submitterPhone(), anonymous ? null : Texts.blankToNull(s.phone()));
    }

    long intake(StaffIntake in, List<Upload> uploads) {
        currentActor.require().require(Permission.CASE_WRITE, in.orgId());
        checkCategory(in.category());
        CaseFiles.checkPhotos(uploads);
        if (in.source() == Source.PUBLIC_FORM || in.source() == Source.DEPUTY && in.sponsorDeputyId() == null) {
            throw DomainException.onField("source", "case.error.source");
        }
        if (in.sponsorDeputyId() != null) {
            deputies.profile(in.sponsorDeputyId());
        }
        long id = store.insert(new CaseStore.NewCase(in.orgId(), newReceipt(), in.source(), in.kind(), in.category(),
                in.title().strip(), in.content().strip(), Texts.blankToNull(in.location()),
                in.anonymous() ? null : Texts.blankToNull(in.name()), in.anonymous() ? null : Texts.blankToNull(in.phone()),
                in.anonymous(), in.sponsorDeputyId(), false, null));
        received(id, in.orgId(), in.source(), uploads);
        return id;
    }

    /** A hotline work order, keyed by its number so a second import of the same order is recognised. */
    long importHotline(StaffIntake in, String key) {
        currentActor.require().require(Permission.CASE_WRITE, in.orgId());
        long id = store.insert(new CaseStore.NewCase(in.orgId(), newReceipt(), Source.HOTLINE, Kind.OPINION,
                in.category(), in.title().strip(), in.content().strip(), Texts.blankToNull(in.location()),
                in.anonymous() ? null : Texts.blankToNull(in.name()), in.anonymous() ? null : Texts.blankToNull(in.phone()),
                in.anonymous(), null, false, key));
        received(id, in.orgId(), Source.HOTLINE, List.of());
        return id;
    }

    /** The signed-in deputy submits a suggestion to the congress that keeps their file. */
    long suggest(DeputySuggestion s, List<Upload> uploads) {
        DeputyProfile me = deputies.mine().orElseThrow(() -> new DomainException("duty.error.notDeputy"));
        checkCategory(s.category());
        CaseFiles.checkPhotos(uploads);
        long congress = me.mandates().stream().filter(m -> m.status().inOffice()).findFirst()
                .map(m -> m.congressOrgId()).orElse(me.orgId());
        long id = store.insert(new CaseStore.NewCase(congress, newReceipt(), Source.DEPUTY, Kind.SUGGESTION,
                s.category(), s.title().strip(), s.content().strip(), Texts.blankToNull(s.location()), me.name(), null,
                false, me.id(), s.complex(), null));
        for (Long co : new LinkedHashSet<>(s.cosignerIds())) {
            if (co != me.id()) {
                DeputyProfile cosigner = deputies.profile(co);
                store.addCosigner(id, cosigner.id(), congress);
            }
        }
        received(id, congress, Source.DEPUTY, uploads);
        return id;
    }

    private Receipt received(long id, long orgId, Source source, List<Upload> uploads) {
        files.keep(id, orgId, null, uploads);
        String by = source == Source.PUBLIC_FORM ? "public" : currentActor.auditName();
        store.addEvent(id, orgId, by, CaseAction.TRIAGE, null, CaseState.RECEIVED, null, true);
        CaseStore.Row row = store.byId(id).orElseThrow();
        audit.record(orgId, CaseDesk.AUDIT_TYPE, id, "RECEIVED", null, row.snapshot());
        events.publishEvent(new CaseEvents.CaseReceived(id, orgId, source));
        return new Receipt(row.receiptCode(), id, false);
    }

    static void checkCategory(String category) {
        if (!CATEGORIES.contains(category)) {
            throw DomainException.onField("category", "case.error.category");
        }
    }

    private static String newReceipt() {
        return RandomCodes.of(10, CODE);
    }
}
