package org.renda.casework;

import org.renda.shared.validation.ChinesePhone;
import jakarta.validation.Valid;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Outcome;
import org.renda.casework.CaseEnums.Party;
import org.renda.casework.CaseEnums.Rating;
import org.renda.casework.CaseEnums.Source;
import org.renda.casework.CaseViews.CaseView;
import org.renda.casework.CaseViews.PublicStep;
import org.renda.casework.CaseViews.PublicTrack;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Masking;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.renda.shared.PageWindow;
import org.renda.shared.Reach;
import org.renda.shared.Texts;

/**
 * The casework desk: intake from every channel, then every step of {@link CaseFlow} for staff, handling
 * units, deputies and the public. Each step is checked against the flow table and the actor's reach,
 * written to the case's timeline and the audit log in one transaction.
 */
@Validated
@Service
@Transactional
public class CaseDesk {

    static final String AUDIT_TYPE = "case";
    static final List<String> CATEGORIES = List.of("交通出行", "教育", "医疗卫生", "生态环境", "城乡建设", "农业农村",
            "社会保障", "就业创业", "安全生产", "政务服务", "其他");
    static final int MAX_FILES = 6;
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** The message key of "this idempotency key was used for a different submission" (422 over the API). */
    static final String IDEMPOTENCY_CONFLICT = "case.public.error.idempotencyConflict";

    private static final String CODE = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final CaseStore store;
    private final CaseDeadlines deadlines;
    private final OrgTree orgs;
    private final DeputyRegister deputies;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CaseReminders reminders;

    CaseDesk(CaseStore store, CaseDeadlines deadlines, OrgTree orgs, DeputyRegister deputies, CurrentActor currentActor,
            AuditTrail audit, ApplicationEventPublisher events, CaseReminders reminders) {
        this.reminders = reminders;
        this.store = store;
        this.deadlines = deadlines;
        this.orgs = orgs;
        this.deputies = deputies;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** A submission from the public web form or a partner system; the name and phone are optional. */
    public record PublicSubmission(
            @NotBlank @Size(max = 32) String orgCode,
            @NotBlank @Size(max = 30) String category,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String content,
            @Nullable @Size(max = 200) String location,
            @Nullable @Size(max = 50) String name,
            @Nullable @ChinesePhone String phone,
            boolean anonymous) {}

    /** An uploaded photo or document. */
    public record Upload(String fileName, @Nullable String contentType, byte[] data) {}

    /** Staff entry at a reception, a visit, or from the hotline. */
    public record StaffIntake(long orgId, @NotNull Source source, @NotNull Kind kind,
            @NotBlank @Size(max = 30) String category, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String content, @Nullable @Size(max = 200) String location,
            @Nullable @Size(max = 50) String name, @Nullable @ChinesePhone String phone, boolean anonymous,
            @Nullable Long sponsorDeputyId) {}

    /** A deputy's suggestion during recess ("一键通"), possibly co-signed. */
    public record DeputySuggestion(@NotBlank @Size(max = 30) String category, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String content, @Nullable @Size(max = 200) String location, boolean complex,
            List<Long> cosignerIds) {}

    /** The input of a step; each action reads the fields it needs. */
    public record StepInput(@Nullable @Size(max = 5000) String note, @Nullable Long leadUnitId, List<Long> coUnitIds,
            @Nullable Outcome outcome, @Nullable Rating rating, @Nullable String mergeIntoReceipt,
            @Nullable Boolean complex) {

        public static StepInput note(@Nullable String note) {
            return new StepInput(note, null, List.of(), null, null, null, null);
        }
    }

    public record Receipt(String receiptCode, long caseId, boolean repeated) {}

    // --- intake ---

    /**
     * Registers a public submission. With an idempotency key, a retried submission returns the receipt
     * of the first instead of creating a second case; the same key with other content fails with
     * {@link #IDEMPOTENCY_CONFLICT}. Two concurrent first submissions with one key: the unique constraint
     * lets one commit, the other fails with a DataIntegrityViolationException (PublicIntake retries it).
     */
    public Receipt submitPublic(@Valid PublicSubmission s, @Nullable String idempotencyKey, List<Upload> files) {
        if (idempotencyKey != null) {
            Optional<CaseStore.Row> earlier = store.byIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                if (!samePublicSubmission(earlier.get(), s)) {
                    throw new DomainException(IDEMPOTENCY_CONFLICT);
                }
                return new Receipt(earlier.get().receiptCode(), earlier.get().id(), true);
            }
        }
        OrgView org = orgs.findByCode(s.orgCode().strip()).filter(OrgView::active)
                .filter(o -> o.type() == OrgType.TOWN || o.type() == OrgType.STREET || o.type() == OrgType.COUNTY)
                .orElseThrow(() -> new DomainException("case.error.org"));
        checkCategory(s.category());
        checkFiles(files);
        boolean anonymous = s.anonymous() || Texts.blankToNull(s.name()) == null && Texts.blankToNull(s.phone()) == null;
        long id = store.insert(new CaseStore.NewCase(org.id(), newReceipt(), Source.PUBLIC_FORM, Kind.OPINION,
                s.category(), s.title().strip(), s.content().strip(), Texts.blankToNull(s.location()),
                anonymous ? null : Texts.blankToNull(s.name()), anonymous ? null : Texts.blankToNull(s.phone()), anonymous, null, false,
                idempotencyKey));
        return received(id, org.id(), Source.PUBLIC_FORM, files);
    }

    /** Whether a stored public case holds this submission (as submitPublic would have stored it). */
    private boolean samePublicSubmission(CaseStore.Row c, PublicSubmission s) {
        boolean anonymous = s.anonymous() || Texts.blankToNull(s.name()) == null && Texts.blankToNull(s.phone()) == null;
        return c.source() == Source.PUBLIC_FORM
                && orgs.find(c.orgId()).map(o -> o.code().equals(s.orgCode().strip())).orElse(false)
                && c.category().equals(s.category()) && c.title().equals(s.title().strip())
                && c.content().equals(s.content().strip()) && Objects.equals(c.location(), Texts.blankToNull(s.location()))
                && c.anonymous() == anonymous
                && Objects.equals(c.submitterName(), anonymous ? null : Texts.blankToNull(s.name()))
                && Objects.equals(c.submitterPhone(), anonymous ? null : Texts.blankToNull(s.phone()));
    }

    public CaseView intake(@Valid StaffIntake in, List<Upload> files) {
        Actor actor = currentActor.require();
        actor.require(Permission.CASE_WRITE, in.orgId());
        checkCategory(in.category());
        checkFiles(files);
        if (in.source() == Source.PUBLIC_FORM || in.source() == Source.DEPUTY && in.sponsorDeputyId() == null) {
            throw new DomainException("case.error.source");
        }
        if (in.sponsorDeputyId() != null) {
            deputies.profile(in.sponsorDeputyId());
        }
        long id = store.insert(new CaseStore.NewCase(in.orgId(), newReceipt(), in.source(), in.kind(), in.category(),
                in.title().strip(), in.content().strip(), Texts.blankToNull(in.location()), in.anonymous() ? null : Texts.blankToNull(in.name()),
                in.anonymous() ? null : Texts.blankToNull(in.phone()), in.anonymous(), in.sponsorDeputyId(), false, null));
        received(id, in.orgId(), in.source(), files);
        return view(id);
    }

    /** A hotline work order, keyed by its number so a second import of the same order is recognised. */
    CaseView importHotline(StaffIntake in, String key) {
        currentActor.require().require(Permission.CASE_WRITE, in.orgId());
        long id = store.insert(new CaseStore.NewCase(in.orgId(), newReceipt(), Source.HOTLINE, Kind.OPINION,
                in.category(), in.title().strip(), in.content().strip(), Texts.blankToNull(in.location()),
                in.anonymous() ? null : Texts.blankToNull(in.name()), in.anonymous() ? null : Texts.blankToNull(in.phone()), in.anonymous(),
                null, false, key));
        received(id, in.orgId(), Source.HOTLINE, List.of());
        return viewUnchecked(id);
    }

    /** The signed-in deputy submits a suggestion to the congress that keeps their file. */
    public CaseView suggest(@Valid DeputySuggestion s, List<Upload> files) {
        DeputyProfile me = deputies.mine().orElseThrow(() -> new DomainException("duty.error.notDeputy"));
        checkCategory(s.category());
        checkFiles(files);
        long congress = me.mandates().stream().filter(m -> m.status().inOffice()).findFirst()
                .map(m -> m.congressOrgId()).orElse(me.orgId());
        long id = store.insert(new CaseStore.NewCase(congress, newReceipt(), Source.DEPUTY, Kind.SUGGESTION,
                s.category(), s.title().strip(), s.content().strip(), Texts.blankToNull(s.location()), me.name(), null, false,
                me.id(), s.complex(), null));
        for (Long co : new LinkedHashSet<>(s.cosignerIds())) {
            if (co != me.id()) {
                DeputyProfile cosigner = deputies.profile(co);
                store.addCosigner(id, cosigner.id(), congress);
            }
        }
        received(id, congress, Source.DEPUTY, files);
        return view(id);
    }

    private Receipt received(long id, long orgId, Source source, List<Upload> files) {
        for (Upload f : files) {
            store.addAttachment(id, orgId, safeName(f.fileName()), f.contentType(), f.data());
        }
        String by = source == Source.PUBLIC_FORM ? "public" : currentActor.auditName();
        store.addEvent(id, orgId, by, CaseAction.TRIAGE, null, CaseState.RECEIVED, null, true);
        CaseStore.Row row = store.byId(id).orElseThrow();
        audit.record(orgId, AUDIT_TYPE, id, "RECEIVED", null, snapshot(row));
        events.publishEvent(new CaseEvents.CaseReceived(id, orgId, source));
        return new Receipt(row.receiptCode(), id, false);
    }

    // --- steps ---

    /** Takes one step of the flow on behalf of the actor (staff, unit, or deputy as submitter). */
    public CaseView act(long caseId, CaseAction action, @Valid StepInput in) {
        CaseStore.Row c = store.byId(caseId).orElseThrow(() -> new NotFoundException("error.notFound"));
        Actor actor = currentActor.require();
        Set<Party> parties = partiesOf(actor, c);
        if (parties.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        CaseFlow.Transition t = CaseFlow.find(c.state(), action)
                .filter(x -> x.by().stream().anyMatch(parties::contains))
                .orElseThrow(() -> new DomainException("case.error.notNow", action.name(), c.state().name()));
        return apply(c, t, in, actor.username());
    }

    /** The submitter rates the reply with the receipt code (no account needed). */
    public PublicTrack ratePublic(String receiptCode, Rating rating) {
        CaseStore.Row c = store.byReceipt(receiptCode.strip().toUpperCase())
                .orElseThrow(() -> new NotFoundException("case.error.receipt"));
        if (c.source() != Source.PUBLIC_FORM && c.source() != Source.HOTLINE) {
            throw new DomainException("case.error.rateByDeputy");
        }
        CaseFlow.Transition t = CaseFlow.find(c.state(), CaseAction.RATE)
                .orElseThrow(() -> new DomainException("case.error.notNow", "RATE", c.state().name()));
        apply(c, t, new StepInput(null, null, List.of(), null, rating, null, null), "submitter");
        return track(receiptCode);
    }

    private CaseView apply(CaseStore.Row c, CaseFlow.Transition t, StepInput in, String actorName) {
        CaseState to = t.to();
        LocalDate due = null;
        boolean setDue = false;
        Rating rating = null;
        Outcome outcome = null;
        Long mergedInto = null;
        String note = Texts.blankToNull(in.note());
        boolean complex = in.complex() != null ? in.complex() : c.complex();
        switch (t.action()) {
            case ASSIGN -> {
                if (in.leadUnitId() == null) {
                    throw new DomainException("case.error.leadRequired");
                }
                List<Long> units = new ArrayList<>();
                units.add(in.leadUnitId());
                in.coUnitIds().stream().filter(u -> !u.equals(in.leadUnitId())).distinct().forEach(units::add);
                for (Long u : units) {
                    orgs.find(u).filter(OrgView::active)
                            .filter(o -> o.type() == OrgType.DEPARTMENT || o.type() == OrgType.UNIT
                                    || o.type() == OrgType.VILLAGE || o.type() == OrgType.COMMUNITY
                                    || o.type() == OrgType.TOWN || o.type() == OrgType.STREET)
                            .orElseThrow(() -> new DomainException("case.error.unit"));
                }
                store.endAssignments(c.id(), "reassigned");
                for (int i = 0; i < units.size(); i++) {
                    store.assign(c.id(), c.orgId(), units.get(i), i == 0);
                }
                due = deadlines.due(c.orgId(), CaseFlow.Clock.REPLY, c.kind(), complex, LocalDate.now());
                setDue = true;
                note = unitNames(units) + (note == null ? "" : "；" + note);
            }
            case SIGN -> store.signAssignments(c.id(), unitsOfActor(c));
            case RETURN -> {
                if (note == null) {
                    throw new DomainException("case.error.reasonRequired");
                }
                store.endAssignments(c.id(), note);
            }
            case REPLY -> {
                if (note == null || in.outcome() == null) {
                    throw new DomainException("case.error.replyRequired");
                }
                if (!store.activeUnits(c.id(), true).stream().anyMatch(unitsOfActor(c)::contains)
                        && !currentActor.require().can(Permission.CASE_WRITE, c.orgId())) {
                    throw new DomainException("case.error.leadReplies");
                }
                outcome = in.outcome();
            }
            case RATE -> {
                if (in.rating() == null) {
                    throw new DomainException("case.error.ratingRequired");
                }
                rating = in.rating();
                to = CaseFlow.afterRating(rating, store.wasRehandled(c.id()));
                if (to == CaseState.REHANDLING) {
                    due = deadlines.due(c.orgId(), CaseFlow.Clock.REHANDLE, c.kind(), complex, LocalDate.now());
                    setDue = true;
                }
            }
            case MERGE -> {
                CaseStore.Row target = store.byReceipt(in.mergeIntoReceipt() == null ? ""
                        : in.mergeIntoReceipt().strip().toUpperCase())
                        .filter(x -> x.id() != c.id() && !x.state().finished())
                        .orElseThrow(() -> new DomainException("case.error.mergeTarget"));
                currentActor.require().require(Permission.CASE_WRITE, target.orgId());
                mergedInto = target.id();
                note = target.receiptCode() + (note == null ? "" : "；" + note);
            }
            default -> {
                // TRIAGE, CLOSE, WITHDRAW need only the note.
            }
        }
        store.transition(c.id(), c.version(), to, due, setDue, rating, outcome, mergedInto);
        if (to.finished()) {
            store.endAssignments(c.id(), t.action().name());
        }
        store.addEvent(c.id(), c.orgId(), actorName, t.action(), c.state(), to,
                t.action() == CaseAction.RATE ? rating.name() + (note == null ? "" : "：" + note) : note, true);
        CaseStore.Row after = store.byId(c.id()).orElseThrow();
        audit.record(c.orgId(), AUDIT_TYPE, c.id(), t.action().name(), snapshot(c), snapshot(after));
        if (t.action() == CaseAction.ASSIGN) {
            reminders.assigned(c.id(), c.orgId(), c.title(), due, store.activeUnits(c.id(), false), after.version());
            events.publishEvent(new CaseEvents.CaseAssigned(c.id(), c.orgId(), in.leadUnitId(), due));
        }
        if (to == CaseState.CLOSED) {
            events.publishEvent(new CaseEvents.CaseClosed(c.id(), c.orgId(), rating == null || rating.satisfied()));
        }
        return viewUnchecked(c.id());
    }

    /** 重点督办: the chair or a vice-chair puts a case under (or takes it off) key supervision. */
    public CaseView superviseKey(long caseId, boolean on) {
        CaseStore.Row c = store.byId(caseId).orElseThrow(() -> new NotFoundException("error.notFound"));
        Actor actor = currentActor.require();
        actor.require(Permission.CASE_SUPERVISE, c.orgId());
        if (c.state().finished()) {
            throw new DomainException("case.error.finished");
        }
        store.setKeySupervisor(c.id(), on ? actor.displayName() : null);
        store.addEvent(c.id(), c.orgId(), actor.username(), CaseAction.TRIAGE, c.state(), c.state(),
                on ? "重点督办：" + actor.displayName() : "取消重点督办", false);
        audit.record(c.orgId(), AUDIT_TYPE, c.id(), on ? "KEY_SUPERVISED" : "KEY_SUPERVISION_ENDED",
                Map.of("keySupervisor", String.valueOf(c.keySupervisor())), Map.of("keySupervisor", on ? actor.displayName() : ""));
        return viewUnchecked(c.id());
    }

    // --- reads ---

    @Transactional(readOnly = true)
    public CaseView view(long id) {
        CaseStore.Row c = store.byId(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (partiesOf(currentActor.require(), c).isEmpty() && !readsAsSupervisor(c)) {
            throw new NotFoundException("error.notFound");
        }
        return viewUnchecked(id);
    }

    /** The steps the actor may take on the case now (for showing only real buttons). */
    @Transactional(readOnly = true)
    public Set<CaseAction> actionsFor(long id) {
        CaseStore.Row c = store.byId(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        Set<CaseAction> out = java.util.EnumSet.noneOf(CaseAction.class);
        for (Party p : partiesOf(currentActor.require(), c)) {
            out.addAll(CaseFlow.available(c.state(), p));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public boolean maySupervise(long id) {
        return store.byId(id).map(c -> currentActor.require().can(Permission.CASE_SUPERVISE, c.orgId())
                && !c.state().finished()).orElse(false);
    }

    /** Public tracking by receipt code: status and public steps, never personal data. */
    @Transactional(readOnly = true)
    public PublicTrack track(String receiptCode) {
        CaseStore.Row c = store.byReceipt(receiptCode.strip().toUpperCase())
                .orElseThrow(() -> new NotFoundException("case.error.receipt"));
        String orgName = orgs.find(c.orgId()).map(OrgView::name).orElse("");
        List<PublicStep> steps = store.timeline(c.id()).stream().filter(CaseViews.Step::publicNote)
                .map(s -> new PublicStep(s.at(), s.action(), s.to(),
                        s.action() == CaseAction.REPLY || s.action() == CaseAction.ASSIGN
                                || s.action() == CaseAction.MERGE ? s.note() : null))
                .toList();
        return new PublicTrack(c.receiptCode(), orgName, c.category(), c.title(), c.state(), c.dueOn(), c.rating(),
                c.createdAt(), steps);
    }

    /** A list query on behalf of the actor: the cases of their organisations, units, or suggestions. */
    public record Query(@Nullable CaseState state, boolean openOnly, boolean overdueOnly, @Nullable String category,
            @Nullable String text, boolean mineAsUnit) {}

    public record Page(List<CaseViews.CaseSummary> rows, long total, int page, int size, Map<Long, String> orgNames) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    @Transactional(readOnly = true)
    public Page list(Query q, int page, int size) {
        Actor actor = currentActor.require();
        Reach orgsInReach = q.mineAsUnit() ? actor.reach(Permission.CASE_READ).narrow(Set.of())
                : actor.reach(Permission.CASE_READ);
        Reach units = actor.reach(Permission.CASE_HANDLE);
        Long sponsor = deputies.mine().map(DeputyProfile::id).orElse(null);
        CaseStore.Filter f = new CaseStore.Filter(orgsInReach, units, q.state(), q.openOnly(), q.overdueOnly(),
                q.category(), q.text(), q.mineAsUnit() ? null : sponsor, LocalDate.now());
        long total = store.count(f);
        PageWindow w = PageWindow.of(page, size, total);
        List<CaseViews.CaseSummary> rows = store.list(f, w.size(), w.offset());
        Set<Long> ids = new java.util.HashSet<>();
        rows.forEach(r -> {
            ids.add(r.orgId());
            if (r.leadUnit() != null) {
                ids.add(Long.parseLong(r.leadUnit()));
            }
        });
        Map<Long, String> names = new HashMap<>();
        orgs.findAll(ids).forEach(o -> names.put(o.id(), o.name()));
        return new Page(rows, total, w.page(), w.size(), names);
    }

    @Transactional(readOnly = true)
    public CaseStore.File attachment(long attachmentId) {
        CaseStore.File f = store.attachment(attachmentId).orElseThrow(() -> new NotFoundException("error.notFound"));
        view(f.caseId());
        return f;
    }

    /** The categories offered on every form. */
    public List<String> categories() {
        return CATEGORIES;
    }

    // --- internals ---

    private CaseView viewUnchecked(long id) {
        CaseStore.Row c = store.byId(id).orElseThrow();
        List<Long> unitIds = store.assignedUnits(id);
        Map<Long, String> names = new HashMap<>();
        List<Long> lookup = new ArrayList<>(unitIds);
        lookup.add(c.orgId());
        orgs.findAll(lookup).forEach(o -> names.put(o.id(), o.name()));
        return new CaseView(c.id(), c.orgId(), names.getOrDefault(c.orgId(), ""), c.receiptCode(), c.source(), c.kind(),
                c.category(), c.title(), c.content(), c.location(), c.submitterName(), c.submitterPhone(), c.anonymous(),
                c.sponsorDeputyId(), c.complex(), c.state(), c.dueOn(), c.keySupervisor(), c.rating(), c.outcome(),
                c.mergedIntoId(), c.createdAt(), c.closedAt(), c.version(), store.assignments(id, names),
                store.timeline(id), store.attachments(id));
    }

    /** In which capacities the actor stands to this case. */
    private Set<Party> partiesOf(Actor actor, CaseStore.Row c) {
        Set<Party> parties = java.util.EnumSet.noneOf(Party.class);
        if (actor.can(Permission.CASE_WRITE, c.orgId())) {
            parties.add(Party.STAFF);
        }
        if (!unitsOfActor(c).isEmpty()) {
            parties.add(Party.UNIT);
        }
        Optional<Long> me = actor.isSystem() ? Optional.empty() : deputies.mine().map(DeputyProfile::id);
        if (me.isPresent() && (me.get().equals(c.sponsorDeputyId()) || store.cosigners(c.id()).contains(me.get()))) {
            parties.add(Party.SUBMITTER);
        }
        if (parties.isEmpty() && actor.can(Permission.CASE_READ, c.orgId())) {
            return java.util.EnumSet.noneOf(Party.class);
        }
        return parties;
    }

    private boolean readsAsSupervisor(CaseStore.Row c) {
        Actor actor = currentActor.require();
        return actor.can(Permission.CASE_READ, c.orgId())
                || store.assignedUnits(c.id()).stream().anyMatch(u -> actor.can(Permission.CASE_HANDLE, u));
    }

    /** The units of the case's active assignments that the actor answers for. */
    private List<Long> unitsOfActor(CaseStore.Row c) {
        Actor actor = currentActor.require();
        return store.activeUnits(c.id(), false).stream().filter(u -> actor.can(Permission.CASE_HANDLE, u)).toList();
    }

    private String unitNames(List<Long> units) {
        Map<Long, String> names = new HashMap<>();
        orgs.findAll(units).forEach(o -> names.put(o.id(), o.name()));
        StringBuilder sb = new StringBuilder("主办：").append(names.get(units.get(0)));
        if (units.size() > 1) {
            sb.append("；协办：");
            sb.append(String.join("、", units.subList(1, units.size()).stream().map(names::get).toList()));
        }
        return sb.toString();
    }

    private static void checkCategory(String category) {
        if (!CATEGORIES.contains(category)) {
            throw new DomainException("case.error.category");
        }
    }

    private static void checkFiles(List<Upload> files) {
        if (files.size() > MAX_FILES) {
            throw new DomainException("case.error.tooManyFiles", MAX_FILES);
        }
        for (Upload f : files) {
            boolean image = f.contentType() != null && Set.of("image/jpeg", "image/png", "image/webp")
                    .contains(f.contentType()) && org.renda.shared.Images.isImage(f.data());
            if (!image) {
                throw new DomainException("case.error.fileType", safeName(f.fileName()));
            }
            if (f.data().length > MAX_FILE_BYTES) {
                throw new DomainException("case.error.fileSize", safeName(f.fileName()), MAX_FILE_BYTES / 1024 / 1024);
            }
        }
    }


    private static String newReceipt() {
        return org.renda.shared.RandomCodes.of(10, CODE);
    }

    private static String safeName(@Nullable String name) {
        String n = name == null ? "file" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return n.isEmpty() ? "file" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static Map<String, Object> snapshot(CaseStore.Row c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", c.title());
        m.put("receiptCode", c.receiptCode());
        m.put("state", c.state().name());
        m.put("dueOn", String.valueOf(c.dueOn()));
        m.put("rating", String.valueOf(c.rating()));
        m.put("outcome", String.valueOf(c.outcome()));
        m.put("submitterPhone", Masking.phone(c.submitterPhone()));
        return m;
    }

}
