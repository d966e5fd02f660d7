package org.renda.deputy;

import jakarta.validation.Valid;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.deputy.DeputyViews.DutyRecordView;
import org.renda.deputy.DeputyViews.EvidenceView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Images;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.renda.shared.Reach;
import org.renda.shared.Texts;

/**
 * The duty archive (一人一档、一人一日记): dated duty records with evidence. A deputy records their own
 * from a phone; staff record for deputies who cannot. A record counts once staff have verified it;
 * a record entered by staff is verified on entry.
 */
@Validated
@Service
@Transactional
public class DutyLog {

    /** The review queue is counted up to this many; a province-wide reviewer sees more than 9,999. */
    public static final long QUEUE_COUNT_CAP = 9_999;


    static final String AUDIT_TYPE = "duty_record";
    static final int MAX_FILES = 9;
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final Set<String> FILE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf");

    private final DutyStore store;
    private final DeputyRegister register;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final org.renda.org.OrgTree orgs;

    DutyLog(DutyStore store, DeputyRegister register, CurrentActor currentActor, AuditTrail audit,
            ApplicationEventPublisher events, org.renda.org.OrgTree orgs) {
        this.orgs = orgs;
        this.store = store;
        this.register = register;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    public record DutyForm(@NotNull DutyType type, @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = 200) String title, @Nullable @Size(max = 4000) String content,
            @Nullable @Size(max = 200) String place) {}

    /** An uploaded file of evidence. */
    public record Upload(String fileName, @Nullable String contentType, byte[] data) {}

    /** The archive of one deputy in a period: counts per type (verified only) and the diary. */
    public record Archive(DeputyViews.DeputyProfile deputy, LocalDate from, LocalDate to, Map<DutyType, Integer> counts,
            int total, List<DutyRecordView> diary) {}

    /** A deputy who has not yet done a duty that falls due. */
    public record Overdue(DeputySummary deputy, String reasonKey) {}

    /**
     * Records a duty for a deputy: by the deputy themself (submitted, waiting for staff) or by staff
     * (verified on entry). Evidence files are checked before anything is written.
     */
    public DutyRecordView record(long deputyId, @Valid DutyForm form, List<Upload> files) {
        DeputyStore.Row deputy = register.writableOrSelf(deputyId);
        Actor actor = currentActor.require();
        boolean staff = actor.can(Permission.DEPUTY_WRITE, deputy.orgId());
        if (form.occurredOn().isAfter(LocalDate.now())) {
            throw DomainException.onField("occurredOn", "duty.error.future");
        }
        List<Upload> real = files.stream().filter(f -> f.data().length > 0).toList();
        checkFiles(real);
        DutyStatus status = staff ? DutyStatus.VERIFIED : DutyStatus.SUBMITTED;
        long id = store.insert(deputyId, deputy.orgId(), form.type(), form.occurredOn(), form.title().strip(),
                Texts.blankToNull(form.content()), Texts.blankToNull(form.place()), status,
                currentActor.auditName());
        for (Upload f : real) {
            store.addEvidence(id, deputy.orgId(), safeName(f.fileName()), f.contentType(), f.data());
        }
        if (staff) {
            store.review(id, 0, DutyStatus.VERIFIED, null, currentActor.auditName());
        }
        DutyRecordView created = store.byId(id).orElseThrow();
        audit.record(deputy.orgId(), AUDIT_TYPE, id, "CREATED", null, auditView(created));
        if (staff) {
            events.publishEvent(new DeputyEvents.DutyRecordVerified(id, deputyId, deputy.orgId(), form.type(),
                    form.occurredOn()));
        }
        return created;
    }

    /**
     * Records a duty that another capability attests, e.g. a reception day a liaison station held: verified on
     * entry, keyed by {@code sourceKey} so that saving the source again returns the existing record instead of
     * counting twice. The actor needs {@code attestingPermission} on {@code attestingOrgId} (the station's
     * organisation), not DEPUTY_WRITE: a town clerk attests the county deputies who received voters in the
     * town's station. A retracted record is restored when the source attests it again.
     */
    public DutyRecordView recordAttested(long deputyId, @Valid DutyForm form, String sourceKey, long attestingOrgId,
            Permission attestingPermission) {
        currentActor.require().require(attestingPermission, attestingOrgId);
        DeputyStore.Row deputy = register.row(deputyId);
        Optional<Long> existing = store.bySourceKey(sourceKey);
        if (existing.isPresent()) {
            DutyRecordView before = store.byId(existing.get()).orElseThrow();
            if (before.status() == DutyStatus.REJECTED) {
                store.review(before.id(), store.version(before.id()), DutyStatus.VERIFIED, null,
                        currentActor.auditName());
                DutyRecordView after = store.byId(before.id()).orElseThrow();
                audit.record(after.orgId(), AUDIT_TYPE, after.id(), "VERIFIED", auditView(before), auditView(after));
                return after;
            }
            return before;
        }
        if (form.occurredOn().isAfter(LocalDate.now())) {
            throw new DomainException("duty.error.future");
        }
        long id = store.insert(deputyId, deputy.orgId(), form.type(), form.occurredOn(), form.title().strip(),
                Texts.blankToNull(form.content()), Texts.blankToNull(form.place()), DutyStatus.SUBMITTED,
                currentActor.auditName());
        store.setSourceKey(id, sourceKey);
        store.review(id, 0, DutyStatus.VERIFIED, null, currentActor.auditName());
        DutyRecordView created = store.byId(id).orElseThrow();
        audit.record(deputy.orgId(), AUDIT_TYPE, id, "CREATED", null, auditView(created));
        events.publishEvent(new DeputyEvents.DutyRecordVerified(id, deputyId, deputy.orgId(), form.type(),
                form.occurredOn()));
        return created;
    }

    /** Withdraws an attested record (the deputy was not there after all); it no longer counts. */
    public void retractAttested(String sourceKey, String reason, long attestingOrgId,
            Permission attestingPermission) {
        currentActor.require().require(attestingPermission, attestingOrgId);
        store.bySourceKey(sourceKey).ifPresent(id -> {
            DutyRecordView before = store.byId(id).orElseThrow();
            if (before.status() == DutyStatus.REJECTED) {
                return;
            }
            store.review(id, store.version(id), DutyStatus.REJECTED, reason, currentActor.auditName());
            audit.record(before.orgId(), AUDIT_TYPE, id, "RETRACTED", auditView(before),
                    auditView(store.byId(id).orElseThrow()));
        });
    }

    /** The signed-in deputy records a duty of their own. */
    public DutyRecordView recordOwn(@Valid DutyForm form, List<Upload> files) {
        DeputyViews.DeputyProfile me = register.mine().orElseThrow(() -> new DomainException("duty.error.notDeputy"));
        return record(me.id(), form, files);
    }

    public DutyRecordView verify(long recordId) {
        return review(recordId, DutyStatus.VERIFIED, null);
    }

    /** The most records one batch approves: a screenful of the queue and then some. */
    public static final int MAX_BATCH = 200;

    /** What a batch approval did: how many it approved, and how many someone else had reviewed meanwhile. */
    public record Batch(int verified, int alreadyReviewed) {}

    /**
     * Approves several records at once, each audited as if approved alone. All or nothing: a record outside the
     * actor's reach (or one that does not exist) answers 404 and approves none; a record someone else reviewed
     * in the meantime is left as it is and counted apart.
     */
    public Batch verifyAll(List<Long> recordIds) {
        List<Long> ids = recordIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            throw new DomainException("duty.review.noneSelected");
        }
        if (ids.size() > MAX_BATCH) {
            throw new DomainException("duty.review.tooMany", MAX_BATCH);
        }
        Actor actor = currentActor.require();
        List<DutyRecordView> records = new ArrayList<>();
        for (long id : ids) {
            DutyRecordView r = store.byId(id).orElseThrow(() -> new NotFoundException("error.notFound"));
            actor.require(Permission.DUTY_VERIFY, r.orgId());
            records.add(r);
        }
        int verified = 0;
        for (DutyRecordView r : records) {
            if (r.status() == DutyStatus.SUBMITTED) {
                review(r.id(), DutyStatus.VERIFIED, null);
                verified++;
            }
        }
        return new Batch(verified, records.size() - verified);
    }

    public DutyRecordView reject(long recordId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException("duty.error.reasonRequired");
        }
        return review(recordId, DutyStatus.REJECTED, reason.strip());
    }

    private DutyRecordView review(long recordId, DutyStatus to, @Nullable String note) {
        DutyRecordView before = store.byId(recordId).orElseThrow(() -> new NotFoundException("error.notFound"));
        currentActor.require().require(Permission.DUTY_VERIFY, before.orgId());
        if (before.status() != DutyStatus.SUBMITTED) {
            throw new DomainException("duty.error.alreadyReviewed");
        }
        store.review(recordId, store.version(recordId), to, note, currentActor.auditName());
        DutyRecordView after = store.byId(recordId).orElseThrow();
        audit.record(after.orgId(), AUDIT_TYPE, recordId, to == DutyStatus.VERIFIED ? "VERIFIED" : "REJECTED",
                auditView(before), auditView(after));
        if (to == DutyStatus.VERIFIED) {
            events.publishEvent(new DeputyEvents.DutyRecordVerified(recordId, after.deputyId(), after.orgId(),
                    after.type(), after.occurredOn()));
        }
        return after;
    }

    @Transactional(readOnly = true)
    public DutyRecordView get(long recordId) {
        DutyRecordView r = store.byId(recordId).orElseThrow(() -> new NotFoundException("error.notFound"));
        register.readable(r.deputyId());
        return r;
    }

    @Transactional(readOnly = true)
    public List<EvidenceView> evidence(long recordId) {
        get(recordId);
        return store.evidence(recordId);
    }

    @Transactional(readOnly = true)
    public DutyStore.Evidence evidenceFile(long evidenceId) {
        DutyStore.Evidence e = store.evidenceFile(evidenceId).orElseThrow(() -> new NotFoundException("error.notFound"));
        get(e.recordId());
        return e;
    }

    /** The archive of a deputy for a year, or for a whole term when {@code year} is null. */
    @Transactional(readOnly = true)
    public Archive archive(long deputyId, LocalDate from, LocalDate to) {
        DeputyStore.Row row = register.readable(deputyId);
        Map<DutyType, Integer> counts = store.countsByType(deputyId, from, to);
        return new Archive(register.profileOf(row), from, to, counts,
                counts.values().stream().mapToInt(Integer::intValue).sum(), store.ofDeputy(deputyId, from, to, null));
    }

    /** Verified duty counts per type, for the public page (no scope: counts are public). */
    @Transactional(readOnly = true)
    Map<DutyType, Integer> publicCounts(long deputyId, LocalDate from, LocalDate to) {
        return store.countsByType(deputyId, from, to);
    }

    /** Verified counts per deputy and type within the actor's reach, for lists and assessments. */
    @Transactional(readOnly = true)
    public Map<Long, Map<DutyType, Integer>> countsByDeputy(LocalDate from, LocalDate to) {
        return store.countsByDeputy(currentActor.reach(Permission.DEPUTY_READ), from, to);
    }

    @Transactional(readOnly = true)
    public List<DutyRecordView> queue(int limit) {
        return store.queue(currentActor.reach(Permission.DUTY_VERIFY), limit);
    }

    /** The evidence of the records of the queue (already in the actor's reach), by record, for thumbnails. */
    @Transactional(readOnly = true)
    public Map<Long, List<EvidenceView>> queueEvidence(List<DutyRecordView> queue) {
        Reach reach = currentActor.reach(Permission.DUTY_VERIFY);
        return store.evidence(queue.stream().filter(r -> reach.covers(r.orgId())).map(DutyRecordView::id).toList());
    }

    /**
     * How many records wait for the actor's review, up to {@link #QUEUE_COUNT_CAP}; more than that answers
     * {@code QUEUE_COUNT_CAP + 1} and pages show more than 9,999.
     */
    @Transactional(readOnly = true)
    public long queueSize() {
        return store.queueSize(currentActor.reach(Permission.DUTY_VERIFY), QUEUE_COUNT_CAP + 1);
    }

    /**
     * Deputies in office who have not yet done a duty that falls due: reporting to voters at least once
     * in the current term (述职), and entering the station at least once this year.
     */
    @Transactional(readOnly = true)
    public List<Overdue> due(LocalDate today) {
        Reach reach = currentActor.reach(Permission.DEPUTY_READ);
        List<DeputySummary> inOffice = register.listAll(new DeputyRegister.Query(null, null, null, null, null, null,
                true));
        Map<Long, LocalDate> lastReport = store.latest(reach, DutyType.REPORT_TO_VOTERS);
        Map<Long, LocalDate> lastStation = store.latest(reach, DutyType.STATION_DUTY);
        Map<Long, LocalDate> lastReception = store.latest(reach, DutyType.RECEPTION);
        LocalDate yearStart = today.withDayOfYear(1);
        List<Overdue> out = new ArrayList<>();
        for (DeputySummary d : inOffice) {
            int termStart = d.seats().stream().filter(s -> s.status().inOffice())
                    .mapToInt(DeputyViews.SeatLabel::termStart).min().orElse(today.getYear());
            LocalDate reported = lastReport.get(d.id());
            if (reported == null || reported.getYear() < termStart) {
                out.add(new Overdue(d, "duty.due.report"));
            }
            LocalDate station = later(lastStation.get(d.id()), lastReception.get(d.id()));
            if (station == null || station.isBefore(yearStart)) {
                out.add(new Overdue(d, "duty.due.station"));
            }
        }
        return out;
    }

    private static @Nullable LocalDate later(@Nullable LocalDate a, @Nullable LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static void checkFiles(List<Upload> files) {
        if (files.size() > MAX_FILES) {
            throw DomainException.onField("files", "duty.error.tooManyFiles", MAX_FILES);
        }
        for (Upload f : files) {
            if (f.contentType() == null || !FILE_TYPES.contains(f.contentType())
                    || (f.contentType().startsWith("image/") && !Images.looksLike(f.contentType(), f.data()))) {
                throw DomainException.onField("files", "duty.error.fileType", safeName(f.fileName()));
            }
            if (f.data().length > MAX_FILE_BYTES) {
                throw DomainException.onField("files", "duty.error.fileSize", safeName(f.fileName()),
                        MAX_FILE_BYTES / 1024 / 1024);
            }
        }
    }

    private static String safeName(String name) {
        String n = name == null ? "file" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return n.isEmpty() ? "file" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static Map<String, Object> auditView(DutyRecordView r) {
        return Map.of("deputy", r.deputyName(), "type", r.type().name(), "occurredOn", r.occurredOn().toString(),
                "name", r.title(), "status", r.status().name(), "evidence", r.evidenceCount());
    }

    /** A page of verified duty records and how many there are. */
    public record VerifiedPage(List<DutyRecordView> rows, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * The verified duty records of an organisation's subtree in a year (of one type if given): the annual report's
     * deputies.duties and deputies.reportsToVoters. An organisation outside the reader's DEPUTY_READ reach: 404.
     */
    @Transactional(readOnly = true)
    public VerifiedPage verified(long orgId, int year, @Nullable DutyType type, int page, int size) {
        Reach reach = currentActor.reach(Permission.DEPUTY_READ);
        reach.check(orgId);
        reach = reach.narrow(orgs.subtreeIds(orgId));
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long total = store.verifiedCount(reach, from, to, type);
        org.renda.shared.PageWindow w = org.renda.shared.PageWindow.of(page, size, total);
        return new VerifiedPage(store.verified(reach, from, to, type, w.size(), w.offset()), total, w.page(),
                w.size());
    }
}
