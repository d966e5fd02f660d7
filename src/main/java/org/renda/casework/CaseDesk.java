package org.renda.casework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Outcome;
import org.renda.casework.CaseEnums.Party;
import org.renda.casework.CaseEnums.Rating;
import org.renda.casework.CaseEnums.Source;
import org.renda.casework.CaseViews.CaseView;
import org.renda.casework.CaseViews.PublicStep;
import org.renda.casework.CaseViews.PublicTrack;
import org.renda.casework.CaseViews.UnitGroup;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.PageWindow;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.validation.ChinesePhone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The casework desk, the module's facade: intake from every channel ({@link CaseIntake}), then every step of
 * {@link CaseFlow} for staff, handling units, deputies and the public ({@link CaseHandling}, routing by
 * {@link CaseAssigner}), and the reads. Inputs are validated here; each step is checked against the flow table
 * and the actor's part in the case ({@link CaseParties}), written to the case's timeline and the audit log in
 * one transaction.
 */
@Validated
@Service
@Transactional
public class CaseDesk {

    static final String AUDIT_TYPE = "case";
    static final List<String> CATEGORIES = CaseIntake.CATEGORIES;
    static final int MAX_FILES = CaseFiles.MAX_FILES;
    static final int MAX_FILE_BYTES = CaseFiles.MAX_FILE_BYTES;
    /** The message key of "this idempotency key was used for a different submission" (422 over the API). */
    static final String IDEMPOTENCY_CONFLICT = "case.public.error.idempotencyConflict";

    private final CaseStore store;
    private final CaseIntake intake;
    private final CaseHandling handling;
    private final CaseAssigner assigner;
    private final CaseParties parties;
    private final OrgTree orgs;
    private final DeputyRegister deputies;
    private final CurrentActor currentActor;

    CaseDesk(CaseStore store, CaseIntake intake, CaseHandling handling, CaseAssigner assigner, CaseParties parties,
            OrgTree orgs, DeputyRegister deputies, CurrentActor currentActor) {
        this.store = store;
        this.intake = intake;
        this.handling = handling;
        this.assigner = assigner;
        this.parties = parties;
        this.orgs = orgs;
        this.deputies = deputies;
        this.currentActor = currentActor;
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
        return intake.submitPublic(s, idempotencyKey, files);
    }

    /** The receipt of an earlier public submission with this key and the same content, if any. */
    @Transactional(readOnly = true)
    Optional<Receipt> receiptOfSame(PublicSubmission s, String idempotencyKey) {
        return intake.receiptOfSame(s, idempotencyKey);
    }

    /** Whether an idempotency key was used already. */
    @Transactional(readOnly = true)
    boolean keyTaken(String idempotencyKey) {
        return store.byIdempotencyKey(idempotencyKey).isPresent();
    }

    public CaseView intake(@Valid StaffIntake in, List<Upload> files) {
        return view(intake.intake(in, files));
    }

    /** A hotline work order, keyed by its number so a second import of the same order is recognised. */
    CaseView importHotline(StaffIntake in, String key) {
        return viewUnchecked(intake.importHotline(in, key));
    }

    /** The signed-in deputy submits a suggestion to the congress that keeps their file. */
    public CaseView suggest(@Valid DeputySuggestion s, List<Upload> files) {
        return view(intake.suggest(s, files));
    }

    // --- steps ---

    /** Takes one step of the flow on behalf of the actor (staff, unit, or deputy as submitter). */
    public CaseView act(long caseId, CaseAction action, @Valid StepInput in) {
        return act(caseId, action, in, null, List.of());
    }

    /**
     * Takes one step; with {@code expectedVersion}, only if the case has not changed since the caller read it
     * ({@code error.concurrentEdit} otherwise). Documents (photos, PDF) go only with a reply.
     */
    public CaseView act(long caseId, CaseAction action, @Valid StepInput in, @Nullable Integer expectedVersion,
            List<Upload> documents) {
        handling.act(caseId, action, in, expectedVersion, documents);
        return viewUnchecked(caseId);
    }

    /** The submitter rates the reply with the receipt code (no account needed). */
    public PublicTrack ratePublic(String receiptCode, Rating rating) {
        handling.ratePublic(receiptCode, rating);
        return track(receiptCode);
    }

    /** 重点督办: the chair or a vice-chair puts a case under (or takes it off) key supervision. */
    public CaseView superviseKey(long caseId, boolean on) {
        handling.superviseKey(caseId, on);
        return viewUnchecked(caseId);
    }

    // --- reads ---

    @Transactional(readOnly = true)
    public CaseView view(long id) {
        CaseStore.Row c = store.byId(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!parties.reaches(c)) {
            throw new NotFoundException("error.notFound");
        }
        return viewUnchecked(id);
    }

    /** The steps the actor may take on the case now (for showing only real buttons). */
    @Transactional(readOnly = true)
    public Set<CaseAction> actionsFor(long id) {
        CaseStore.Row c = store.byId(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        Set<CaseAction> out = EnumSet.noneOf(CaseAction.class);
        for (Party p : parties.of(currentActor.require(), c)) {
            out.addAll(CaseFlow.available(c.state(), p));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public boolean maySupervise(long id) {
        return store.byId(id).map(c -> currentActor.require().can(Permission.CASE_SUPERVISE, c.orgId())
                && !c.state().finished()).orElse(false);
    }

    /** The units a case may be assigned to, grouped by kind (for the assignment picker); 404 outside reach. */
    @Transactional(readOnly = true)
    public List<UnitGroup> unitChoices(long id) {
        return assigner.groups(view(id).orgId());
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
            @Nullable String text, boolean mineAsUnit, @Nullable Long org, @Nullable Integer year) {

        public Query(@Nullable CaseState state, boolean openOnly, boolean overdueOnly, @Nullable String category,
                @Nullable String text, boolean mineAsUnit) {
            this(state, openOnly, overdueOnly, category, text, mineAsUnit, null, null);
        }
    }

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
        if (q.org() != null) {
            currentActor.reach(Permission.CASE_READ).check(q.org()); // a foreign organisation: 404
            // the cases an organisation received, its subtree's (the annual report's figures link here)
            orgsInReach = orgsInReach.narrow(orgs.subtreeIds(q.org()));
            units = units.narrow(Set.of());
            sponsor = null;
        }
        java.time.Instant from = null;
        java.time.Instant to = null;
        if (q.year() != null) {
            from = LocalDate.of(q.year(), 1, 1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
            to = LocalDate.of(q.year() + 1, 1, 1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
        }
        CaseStore.Filter f = new CaseStore.Filter(orgsInReach, units, q.state(), q.openOnly(), q.overdueOnly(),
                q.category(), q.text(), q.mineAsUnit() ? null : sponsor, LocalDate.now(), from, to);
        long total = store.count(f);
        PageWindow w = PageWindow.of(page, size, total);
        List<CaseViews.CaseSummary> rows = store.list(f, w.size(), w.offset());
        Set<Long> ids = new HashSet<>();
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

    /** A file of a case, for whoever may read the case; 404 otherwise. */
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
}
