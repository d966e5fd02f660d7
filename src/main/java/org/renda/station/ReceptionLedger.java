package org.renda.station;

import org.renda.shared.validation.ChinesePhone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.casework.CaseDesk;
import org.renda.casework.CaseEnums.Kind;
import org.renda.casework.CaseEnums.Source;
import org.renda.casework.CaseEvents;
import org.renda.casework.CaseViews.CaseView;
import org.renda.deputy.DutyLog;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Images;
import org.renda.shared.Masking;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.station.StationEnums.DayState;
import org.renda.station.StationEnums.RecordKind;
import org.renda.station.StationViews.Figures;
import org.renda.station.StationViews.ItemView;
import org.renda.station.StationViews.MissedDay;
import org.renda.station.StationViews.Named;
import org.renda.station.StationViews.RecordView;
import org.renda.station.StationViews.StationView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.renda.shared.Texts;

/**
 * Reception and visit records (接待记录、走访记录): who came, what they raised, the deputies present, what was
 * answered on the spot; one click turns a matter into a tracked case with a deputy as its sponsor. Every deputy
 * present gets the reception (or visit) in their duty archive. The ledger's figures per station and period, and
 * the reception days that passed with nothing held.
 */
@Service
@Transactional
@Validated
public class ReceptionLedger {

    static final String AUDIT_RECORD = "reception_record";

    private final StationStore store;
    private final ReceptionDayStore dayStore;
    private final ReceptionRecordStore recordStore;
    private final StationNetwork network;
    private final DutyLog duties;
    private final CaseDesk cases;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final org.renda.org.OrgTree orgs;

    ReceptionLedger(StationStore store, ReceptionDayStore dayStore, ReceptionRecordStore recordStore, StationNetwork network, DutyLog duties, CaseDesk cases,
            CurrentActor currentActor, AuditTrail audit, org.renda.org.OrgTree orgs) {
        this.orgs = orgs;
        this.store = store;
        this.dayStore = dayStore;
        this.recordStore = recordStore;
        this.network = network;
        this.duties = duties;
        this.cases = cases;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    public record ItemForm(@NotBlank @Size(max = 30) String category, @NotBlank @Size(max = 2000) String content,
            @Nullable @Size(max = 2000) String answer, boolean resolved) {}

    public record RecordForm(@NotNull RecordKind kind, @Nullable Long dayId, @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = 200) String place, @Min(0) @Max(10_000) int visitors,
            @Nullable @Size(max = 50) String visitorName, @Nullable @Size(max = 32) @ChinesePhone String visitorPhone,
            boolean anonymous, @NotBlank @Size(max = 4000) String summary, @Nullable List<Long> deputyIds,
            @Nullable List<@Valid ItemForm> items) {

        /** Absent lists (a JSON body without them) are empty. */
        public RecordForm {
            deputyIds = deputyIds == null ? List.of() : deputyIds;
            items = items == null ? List.of() : items;
        }
    }

    /** A photo of the reception as uploaded: checked (type, size, count) before anything is written. */
    public record Photo(String fileName, @Nullable String contentType, byte[] data) {}

    /** Records a reception or a visit; a reception on a reception day marks the day held. */
    public RecordView record(long stationId, @Valid RecordForm f) {
        return record(stationId, f, List.of());
    }

    /**
     * Records a reception or a visit with its photos (JPEG, PNG or WebP, at most {@value #MAX_PHOTOS} of
     * {@value #MAX_PHOTO_MB} MB each); a reception on a reception day marks the day held. A refusal names the
     * form field it is about.
     */
    public RecordView record(long stationId, @Valid RecordForm f, List<Photo> photos) {
        StationStore.Row station = network.writable(stationId);
        if (f.occurredOn().isAfter(LocalDate.now())) {
            throw DomainException.onField("occurredOn", "duty.error.future");
        }
        if (f.deputyIds().isEmpty()) {
            throw DomainException.onField("deputyIds", "station.record.error.deputies");
        }
        if (f.kind() == RecordKind.RECEPTION && f.visitors() < 1) {
            throw DomainException.onField("visitors", "station.record.error.visitors");
        }
        Set<Long> assigned = Set.copyOf(network.stationDeputies(stationId).stream()
                .map(StationViews.StationDeputy::deputyId).toList());
        if (!assigned.containsAll(f.deputyIds())) {
            throw DomainException.onField("deputyIds", "station.day.error.notAssigned");
        }
        List<Photo> real = photos.stream().filter(p -> p.data().length > 0).toList();
        checkPhotos(real);
        ReceptionDayStore.DayRow day = null;
        if (f.dayId() != null) {
            day = dayStore.day(f.dayId()).filter(d -> d.stationId() == stationId)
                    .orElseThrow(() -> new NotFoundException("error.notFound"));
            if (day.state() == DayState.CANCELLED) {
                throw DomainException.onField("dayId", "station.record.error.cancelledDay");
            }
        }
        boolean anonymous = f.anonymous() || f.visitorName() == null || f.visitorName().isBlank();
        long id = recordStore.insertRecord(stationId, station.orgId(), f.dayId(), f.kind(), f.occurredOn(), f.place().strip(),
                f.visitors(), anonymous ? null : f.visitorName().strip(),
                anonymous ? null : Texts.blankToNull(f.visitorPhone()), anonymous, f.summary().strip(),
                currentActor.auditName());
        List<Long> present = f.deputyIds().stream().distinct().toList();
        present.forEach(d -> recordStore.addRecordDeputy(id, d));
        int seq = 0;
        for (ItemForm item : f.items()) {
            String answer = Texts.blankToNull(item.answer());
            recordStore.insertItem(id, station.orgId(), ++seq, item.category(), item.content().strip(), answer,
                    item.resolved());
        }
        for (Photo p : real) {
            recordStore.addPhoto(id, station.orgId(), safeName(p.fileName()), p.contentType(), p.data());
        }
        if (day != null && day.state() == DayState.PLANNED) {
            dayStore.setDayState(day.id(), DayState.HELD);
        }
        String title = f.kind() == RecordKind.RECEPTION ? "在" + station.name() + "接待选民"
                : "走访选民（" + f.place().strip() + "）";
        for (long deputyId : present) {
            duties.recordAttested(deputyId, new DutyLog.DutyForm(f.kind().dutyType(), f.occurredOn(), title,
                            "接待/走访 " + f.visitors() + " 人次，反映问题 " + f.items().size() + " 条。", f.place().strip()),
                    sourceKey(id, deputyId), station.orgId(), Permission.STATION_WRITE);
        }
        RecordView created = get(id);
        audit.record(station.orgId(), AUDIT_RECORD, id, "CREATED", null, auditView(created));
        return created;
    }

    /**
     * Turns a matter raised into a tracked case, with a deputy who was present as its sponsor. Once only: a
     * second click answers the case already made.
     */
    public ItemView toCase(long itemId, long sponsorDeputyId, @Nullable Kind kind) {
        ItemView item = recordStore.item(itemId).orElseThrow(() -> new NotFoundException("error.notFound"));
        ReceptionRecordStore.RecordRow record = recordStore.record(item.recordId()).orElseThrow();
        StationStore.Row station = network.writable(record.stationId());
        if (item.caseId() != null) {
            return item;
        }
        if (!recordStore.recordDeputies(record.id()).contains(sponsorDeputyId)) {
            throw new DomainException("station.item.error.sponsor");
        }
        String title = item.content().length() <= 40 ? item.content() : item.content().substring(0, 40) + "…";
        CaseView c = cases.intake(new CaseDesk.StaffIntake(station.orgId(),
                record.kind() == RecordKind.VISIT ? Source.VISIT : Source.RECEPTION, kind == null ? Kind.OPINION : kind,
                item.category(), title, item.content(), record.place(), record.visitorName(), record.visitorPhone(),
                record.anonymous(), sponsorDeputyId), List.of());
        if (!recordStore.linkCase(itemId, c.id(), c.receiptCode(), sponsorDeputyId)) {
            throw new DomainException("error.concurrentEdit");
        }
        ItemView after = recordStore.item(itemId).orElseThrow();
        audit.record(station.orgId(), "reception_item", itemId, "CASE_OPENED", null,
                Map.of("caseId", c.id(), "receipt", c.receiptCode(), "sponsorDeputyId", sponsorDeputyId));
        return after;
    }

    /** A case made from a reception item was closed: the item counts as resolved in the ledger. */
    @ApplicationModuleListener
    void on(CaseEvents.CaseClosed event) {
        recordStore.resolveByCase(event.caseId());
    }

    @Transactional(readOnly = true)
    public RecordView get(long recordId) {
        ReceptionRecordStore.RecordRow r = recordStore.record(recordId).orElseThrow(() -> new NotFoundException("error.notFound"));
        StationStore.Row station = network.readable(r.stationId());
        return views(station, List.of(r)).get(0);
    }

    /** The ledger of a station in a period, oldest first: the rows of the paper ledger. */
    @Transactional(readOnly = true)
    public List<RecordView> records(long stationId, LocalDate from, LocalDate to) {
        StationStore.Row station = network.readable(stationId);
        return views(station, recordStore.records(stationId, from, to));
    }

    /** Figures of every station the actor can read, in a period. */
    @Transactional(readOnly = true)
    public List<Figures> figures(LocalDate from, LocalDate to) {
        List<StationView> stations = network.list();
        Map<Long, ReceptionRecordStore.Counts> counts = recordStore.counts(stations.stream().map(StationView::id).toList(), from, to);
        List<Figures> out = new ArrayList<>();
        for (StationView s : stations) {
            ReceptionRecordStore.Counts c = counts.get(s.id());
            out.add(new Figures(s.id(), s.name(), s.orgId(), s.orgName(), c.receptionDays(), c.receptionDays() + c.receptions(),
                    c.visits(), c.voters(), c.opinions(), c.resolved(), c.cases(), c.activities()));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Figures figures(long stationId, LocalDate from, LocalDate to) {
        StationView s = network.get(stationId);
        ReceptionRecordStore.Counts c = recordStore.counts(List.of(stationId), from, to).get(stationId);
        return new Figures(s.id(), s.name(), s.orgId(), s.orgName(), c.receptionDays(), c.receptionDays() + c.receptions(),
                c.visits(), c.voters(), c.opinions(), c.resolved(), c.cases(), c.activities());
    }

    /**
     * Reception days in the actor's reach whose date passed (within the last {@code days} days) with no reception
     * held or recorded: the town dashboard's warning.
     */
    @Transactional(readOnly = true)
    public List<MissedDay> missed(LocalDate today, int days) {
        var reach = currentActor.reach(Permission.STATION_READ);
        List<ReceptionDayStore.DayRow> rows = dayStore.missedDays(reach, today.minusDays(days), today);
        Map<Long, String> names = new LinkedHashMap<>();
        return rows.stream().map(d -> new MissedDay(d.id(), d.stationId(), names.computeIfAbsent(d.stationId(),
                id -> store.station(id).map(StationStore.Row::name).orElse("")), d.orgId(), d.heldOn())).toList();
    }

    /** The records made for one reception day (what the day page links to). */
    @Transactional(readOnly = true)
    public List<RecordView> recordsOfDay(long dayId) {
        ReceptionDayStore.DayRow day = dayStore.day(dayId).orElseThrow(() -> new NotFoundException("error.notFound"));
        StationStore.Row station = network.readable(day.stationId());
        return views(station, recordStore.recordsOfDay(dayId));
    }

    /** One photo of a record, for whoever may read the record. */
    @Transactional(readOnly = true)
    public ReceptionRecordStore.PhotoFile photo(long photoId) {
        ReceptionRecordStore.PhotoFile p = recordStore.photo(photoId)
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        get(p.recordId());
        return p;
    }

    static final int MAX_PHOTOS = 9;
    static final int MAX_PHOTO_MB = 5;
    private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private static void checkPhotos(List<Photo> photos) {
        if (photos.size() > MAX_PHOTOS) {
            throw DomainException.onField("photos", "station.record.error.tooManyPhotos", MAX_PHOTOS);
        }
        for (Photo p : photos) {
            if (p.contentType() == null || !PHOTO_TYPES.contains(p.contentType())
                    || !Images.looksLike(p.contentType(), p.data())) {
                throw DomainException.onField("photos", "station.record.error.photoType", safeName(p.fileName()));
            }
            if (p.data().length > MAX_PHOTO_MB * 1024 * 1024) {
                throw DomainException.onField("photos", "station.record.error.photoSize", safeName(p.fileName()),
                        MAX_PHOTO_MB);
            }
        }
    }

    private static String safeName(@Nullable String name) {
        String n = name == null ? "photo" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return n.isEmpty() ? "photo" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    static String sourceKey(long recordId, long deputyId) {
        return "station-record:" + recordId + ":deputy:" + deputyId;
    }

    private List<RecordView> views(StationStore.Row station, List<ReceptionRecordStore.RecordRow> rows) {
        List<Long> ids = rows.stream().map(ReceptionRecordStore.RecordRow::id).toList();
        Map<Long, List<Long>> present = recordStore.recordDeputies(ids);
        Map<Long, List<ItemView>> items = recordStore.items(ids);
        Map<Long, List<StationViews.PhotoView>> photos = recordStore.photos(ids);
        Map<Long, String> names = network.deputyNames(present.values().stream().flatMap(List::stream).distinct()
                .toList());
        return rows.stream().map(r -> new RecordView(r.id(), station.id(), station.name(), r.orgId(), r.dayId(),
                r.kind(), r.occurredOn(), r.place(), r.visitors(), r.visitorName(), r.visitorPhone(), r.anonymous(),
                r.summary(), r.recordedBy(), present.getOrDefault(r.id(), List.of()).stream()
                        .map(d -> new Named(d, names.getOrDefault(d, ""))).toList(),
                items.getOrDefault(r.id(), List.of()), photos.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Map<String, Object> auditView(RecordView r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind().name());
        m.put("occurredOn", r.occurredOn().toString());
        m.put("place", r.place());
        m.put("visitors", r.visitors());
        m.put("visitor", r.anonymous() ? "匿名" : r.visitorName());
        m.put("visitorPhone", Masking.phone(r.visitorPhone()));
        m.put("deputies", r.deputies().stream().map(Named::name).toList());
        m.put("items", r.items().size());
        m.put("photos", r.photos().size());
        return m;
    }

    // ---- the lists the annual report's station figures link to

    /** A page of the activities held across an organisation's subtree in a year, and how many there are. */
    public record ActivityPage(List<StationViews.HeldActivity> rows, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** A page of the reception and visit records across a subtree in a year, with the totals the report counts. */
    public record RecordPage(List<StationViews.RecordLine> rows, StationViews.RecordTotals totals,
            int page, int size) {
        public int pages() {
            return (int) Math.max(1, (totals.records() + size - 1) / size);
        }
    }

    /**
     * The reader's STATION_READ reach narrowed to the organisation's subtree; an organisation outside the reach
     * (or unknown) answers 404.
     */
    private org.renda.shared.Reach subtree(long orgId) {
        org.renda.shared.Reach reach = currentActor.reach(Permission.STATION_READ);
        reach.check(orgId);
        return reach.narrow(orgs.subtreeIds(orgId));
    }

    /** The activities held (state HELD, held in the year) at the stations of the organisation's subtree. */
    @Transactional(readOnly = true)
    public ActivityPage heldActivities(long orgId, int year, int page, int size) {
        org.renda.shared.Reach reach = subtree(orgId);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long total = recordStore.heldActivityCount(reach, from, to);
        org.renda.shared.PageWindow w = org.renda.shared.PageWindow.of(page, size, total);
        return new ActivityPage(recordStore.heldActivities(reach, from, to, w.size(), w.offset()), total, w.page(),
                w.size());
    }

    /** The reception and visit records of the year at the stations of the subtree (those with a solved matter). */
    @Transactional(readOnly = true)
    public RecordPage recordLines(long orgId, int year, boolean solvedOnly, int page, int size) {
        org.renda.shared.Reach reach = subtree(orgId);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        StationViews.RecordTotals totals = recordStore.recordTotals(reach, from, to, solvedOnly);
        org.renda.shared.PageWindow w = org.renda.shared.PageWindow.of(page, size, totals.records());
        return new RecordPage(recordStore.recordLines(reach, from, to, solvedOnly, w.size(), w.offset()), totals,
                w.page(), w.size());
    }
}
