package org.renda.station;

import org.renda.shared.validation.ChinesePhone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyRegister.DeputyRef;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Masking;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.RandomCodes;
import org.renda.station.StationEnums.StaffRole;
import org.renda.station.StationEnums.Tier;
import org.renda.station.StationViews.StaffView;
import org.renda.station.StationViews.StationDeputy;
import org.renda.station.StationViews.StationView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.renda.shared.Texts;

/**
 * The liaison network: centre stations, stations and points attached to organisations, with address, hours,
 * photo, staff and the deputies assigned to each. Reads need STATION_READ on the station's organisation,
 * changes STATION_WRITE; outside the reach a station does not exist.
 */
@Service
@Transactional
@Validated
public class StationNetwork {

    static final String AUDIT_STATION = "station";
    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private final StationStore store;
    private final OrgTree orgs;
    private final DeputyRegister deputies;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    StationNetwork(StationStore store, OrgTree orgs, DeputyRegister deputies, CurrentActor currentActor,
            AuditTrail audit) {
        this.store = store;
        this.orgs = orgs;
        this.deputies = deputies;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    public record StationForm(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+") String code,
            @NotBlank @Size(max = 100) String name, @NotNull Tier tier, @Nullable Long parentId,
            @NotBlank @Size(max = 200) String address, @Nullable @Size(max = 200) String openingHours,
            @Nullable @Size(max = 32) @ChinesePhone String contactPhone, @Nullable @Size(max = 2000) String description) {}

    public record StaffForm(@NotBlank @Size(max = 50) String name, @NotNull StaffRole role,
            @Nullable @Size(max = 100) String title, @Nullable @Size(max = 32) @ChinesePhone String phone, @Nullable Long userId) {}

    public StationView create(long orgId, @Valid StationForm form) {
        currentActor.require().require(Permission.STATION_WRITE, orgId);
        OrgView org = orgs.find(orgId).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (store.codeTaken(form.code().strip())) {
            throw new DomainException("station.error.codeTaken", form.code().strip());
        }
        checkParent(form.parentId(), null);
        long id = store.insertStation(org.id(), RandomCodes.of(12), data(form));
        StationView created = view(store.station(id).orElseThrow());
        audit.record(org.id(), AUDIT_STATION, id, "CREATED", null, snapshot(created));
        return created;
    }

    public StationView update(long id, int version, @Valid StationForm form, boolean active) {
        StationStore.Row before = writable(id);
        checkParent(form.parentId(), id);
        store.updateStation(id, version, data(form), active);
        StationView after = view(store.station(id).orElseThrow());
        audit.record(before.orgId(), AUDIT_STATION, id, "UPDATED", snapshot(view(before)), snapshot(after));
        return after;
    }

    public void uploadPhoto(long id, @Nullable String contentType, byte[] data) {
        StationStore.Row row = writable(id);
        if (contentType == null || !PHOTO_TYPES.contains(contentType) || !org.renda.shared.Images.isImage(data)) {
            throw new DomainException("station.error.photoType");
        }
        if (data.length > MAX_PHOTO_BYTES) {
            throw new DomainException("station.error.photoSize", MAX_PHOTO_BYTES / 1024 / 1024);
        }
        store.savePhoto(id, row.orgId(), contentType, data);
        audit.record(row.orgId(), AUDIT_STATION, id, "PHOTO_CHANGED", null, Map.of("bytes", data.length));
    }

    public StaffView addStaff(long id, @Valid StaffForm form) {
        StationStore.Row row = writable(id);
        long staffId = store.insertStaff(id, row.orgId(), form.name().strip(), form.role(), Texts.blankToNull(form.title()),
                Texts.blankToNull(form.phone()), form.userId());
        audit.record(row.orgId(), AUDIT_STATION, id, "STAFF_ADDED", null,
                Map.of("name", form.name().strip(), "role", form.role().name(), "phone", Masking.phone(form.phone())));
        return store.staff(id).stream().filter(s -> s.id() == staffId).findFirst().orElseThrow();
    }

    public void removeStaff(long id, long staffId) {
        StationStore.Row row = writable(id);
        StaffView s = store.staff(id).stream().filter(x -> x.id() == staffId).findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
        store.deleteStaff(id, staffId);
        audit.record(row.orgId(), AUDIT_STATION, id, "STAFF_REMOVED",
                Map.of("name", s.name(), "role", s.role().name()), null);
    }

    /**
     * Assigns a deputy to the station (or changes whether they are on the reception roster). Any deputy the actor
     * can read may be assigned: the town's own deputies and the county and city deputies elected in it.
     */
    public void assignDeputy(long id, long deputyId, boolean onRoster) {
        StationStore.Row row = writable(id);
        deputies.profile(deputyId);
        boolean added = store.assignDeputy(id, row.orgId(), deputyId, onRoster, LocalDate.now());
        audit.record(row.orgId(), AUDIT_STATION, id, added ? "DEPUTY_ASSIGNED" : "DEPUTY_CHANGED", null,
                Map.of("deputyId", deputyId, "onRoster", onRoster));
    }

    public void removeDeputy(long id, long deputyId) {
        StationStore.Row row = writable(id);
        if (store.removeDeputy(id, deputyId) == 0) {
            throw new NotFoundException("error.notFound");
        }
        audit.record(row.orgId(), AUDIT_STATION, id, "DEPUTY_REMOVED", Map.of("deputyId", deputyId), null);
    }

    @Transactional(readOnly = true)
    public StationView get(long id) {
        return view(readable(id));
    }

    @Transactional(readOnly = true)
    public List<StationView> list() {
        return store.stations(currentActor.reach(Permission.STATION_READ)).stream().map(this::view)
                .toList();
    }

    /** The stations the actor may keep: for the "new record" and "new station" pickers. */
    @Transactional(readOnly = true)
    public List<StationView> writableStations() {
        return store.stations(currentActor.reach(Permission.STATION_WRITE)).stream().map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<StaffView> staff(long id) {
        readable(id);
        return store.staff(id);
    }

    @Transactional(readOnly = true)
    public List<StationDeputy> deputies(long id) {
        readable(id);
        return stationDeputies(id);
    }

    @Transactional(readOnly = true)
    public boolean canWrite(long id) {
        return store.station(id).map(r -> currentActor.require().can(Permission.STATION_WRITE, r.orgId()))
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<StationStore.Photo> photo(long id) {
        readable(id);
        return store.photo(id);
    }

    // ---- for the module's other facades and public pages

    List<StationDeputy> stationDeputies(long id) {
        List<StationStore.Assigned> assigned = store.deputies(id);
        Map<Long, DeputyRef> refs = deputies.refs(assigned.stream().map(StationStore.Assigned::deputyId).toList());
        return assigned.stream().filter(a -> refs.containsKey(a.deputyId()))
                .map(a -> {
                    DeputyRef r = refs.get(a.deputyId());
                    return new StationDeputy(r.id(), r.name(), r.publicCode(), r.levels(), a.onRoster(), a.since());
                })
                .sorted(Comparator.comparing(StationDeputy::name)).toList();
    }

    Map<Long, String> deputyNames(java.util.Collection<Long> ids) {
        return deputies.refs(ids).values().stream()
                .collect(Collectors.toMap(DeputyRef::id, DeputyRef::name, (a, b) -> a, LinkedHashMap::new));
    }

    StationStore.Row readable(long id) {
        return currentActor.reach(Permission.STATION_READ).guard(store.station(id), StationStore.Row::orgId);
    }

    /** A reader without the right to keep the station is told so (it exists for them); anyone else gets 404. */
    StationStore.Row writable(long id) {
        StationStore.Row row = readable(id);
        if (!currentActor.reach(Permission.STATION_WRITE).covers(row.orgId())) {
            throw new DomainException("station.error.readOnly");
        }
        return row;
    }

    StationView view(StationStore.Row r) {
        String orgName = orgs.find(r.orgId()).map(OrgView::name).orElse("");
        return new StationView(r.id(), r.orgId(), orgName, r.code(), r.publicCode(), r.name(), r.tier(), r.parentId(),
                r.address(), r.openingHours(), r.contactPhone(), r.description(), r.active(), r.hasPhoto(),
                r.version());
    }

    private void checkParent(@Nullable Long parentId, @Nullable Long self) {
        if (parentId == null) {
            return;
        }
        if (parentId.equals(self)) {
            throw new DomainException("station.error.parent");
        }
        readable(parentId);
    }

    private static StationStore.StationData data(StationForm f) {
        return new StationStore.StationData(f.code().strip(), f.name().strip(), f.tier(), f.parentId(),
                f.address().strip(), Texts.blankToNull(f.openingHours()), Texts.blankToNull(f.contactPhone()), Texts.blankToNull(f.description()));
    }



    private static Map<String, Object> snapshot(StationView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("name", s.name());
        m.put("tier", s.tier().name());
        m.put("address", s.address());
        m.put("openingHours", s.openingHours());
        m.put("active", s.active());
        return m;
    }
}
