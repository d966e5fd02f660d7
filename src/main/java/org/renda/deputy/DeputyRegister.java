package org.renda.deputy;

import org.renda.shared.validation.ResidentId;
import org.renda.shared.validation.ChinesePhone;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.deputy.DeputyViews.MandateView;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.Images;
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
 * The register of deputies (代表名册): who they are, the seats they hold at each level and term, the
 * history of each seat (elected, by-elected, resigned, removed, term ended) with the deciding document,
 * photo and nameplate. Reads need DEPUTY_READ on the deputy's organisation, changes DEPUTY_WRITE.
 */
@Validated
@Service
@Transactional
public class DeputyRegister {

    static final String AUDIT_DEPUTY = "deputy";
    static final String AUDIT_SEAT = "deputy_mandate";
    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");


    private final DeputyStore store;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    DeputyRegister(DeputyStore store, OrgTree orgs, CurrentActor currentActor, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.store = store;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** A deputy's personal fields, as forms and the API send them. */
    public record PersonForm(
            @NotBlank @Size(max = 50) String name,
            @Nullable @Pattern(regexp = "^$|男|女", message = "{deputy.gender.pattern}") String gender,
            @Nullable LocalDate birthDate,
            @Nullable @Size(max = 20) String ethnicity,
            @Nullable @Size(max = 40) String party,
            @Nullable @Size(max = 40) String education,
            @Nullable @Size(max = 100) String occupation,
            @Nullable @Size(max = 100) String workplace,
            @Nullable @ChinesePhone String phone,
            @Nullable @ResidentId String idNumber,
            @Nullable @Size(max = 1000) String bio) {

        DeputyStore.Person person() {
            return new DeputyStore.Person(name.strip(), Texts.blankToNull(gender), birthDate, Texts.blankToNull(ethnicity), Texts.blankToNull(party),
                    Texts.blankToNull(education), Texts.blankToNull(occupation), Texts.blankToNull(workplace), Texts.blankToNull(phone),
                    idNumber == null || idNumber.isBlank() ? null : idNumber.strip().toUpperCase(), Texts.blankToNull(bio));
        }
    }

    /** A seat: the congress, level and term, and where the deputy sits in it. */
    public record SeatForm(
            long congressOrgId,
            @NotNull DeputyLevel level,
            @Min(1) @Max(99) int termNo,
            @Min(1950) @Max(2100) int termStart,
            @Min(1950) @Max(2100) int termEnd,
            @Nullable @Size(max = 100) String constituency,
            @Nullable @Size(max = 100) String deputyGroup,
            @Nullable @Size(max = 100) String station,
            @Nullable @Size(max = 32) String cardNumber,
            @NotNull MandateStatus status,
            @NotNull LocalDate since,
            @Nullable @Size(max = 200) String document) {}

    public record NewDeputy(long orgId, @Valid @NotNull PersonForm person, @Valid @NotNull SeatForm seat) {}

    /**
     * A page of the register. The matches are counted up to {@link #COUNT_CAP}: with more ({@code more}), the
     * total is that cap and pages go on as long as they come full (a province's 100,000 deputies are not
     * counted on every page; people narrow the list with the filters instead).
     */
    public record Page(List<DeputySummary> rows, long total, int page, int size, boolean more) {
        public int pages() {
            return more ? page + (hasNext() ? 1 : 0) : (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return more ? rows.size() == size : page < pages();
        }
    }

    /** The most deputy groups the filter offers as a list. */
    public static final int GROUP_CHOICES = 200;

    /** The register counts its matches up to this many. */
    public static final int COUNT_CAP = 10_000;

    /** Filters of the register; blank or null means any. */
    public record Query(@Nullable String text, @Nullable DeputyLevel level, @Nullable Integer termNo,
            @Nullable String group, @Nullable MandateStatus status, @Nullable Long orgId, boolean inOfficeOnly) {

        public static Query all() {
            return new Query(null, null, null, null, null, null, false);
        }
    }

    public DeputyProfile register(@Valid NewDeputy cmd) {
        Actor actor = currentActor.require();
        actor.require(Permission.DEPUTY_WRITE, cmd.orgId());
        OrgView home = activeOrg(cmd.orgId());
        DeputyStore.Person person = cmd.person().person();
        if (person.idNumber() != null && store.byIdNumber(person.idNumber()).isPresent()) {
            throw new DomainException("deputy.error.idNumberTaken");
        }
        checkSeat(cmd.seat(), home);
        long id = store.insert(home.id(), person, newPublicCode());
        long seatId = insertSeat(id, home.id(), cmd.seat());
        DeputyProfile created = profileOf(store.byId(id).orElseThrow());
        audit.record(home.id(), AUDIT_DEPUTY, id, "CREATED", null, snapshot(created));
        audit.record(home.id(), AUDIT_SEAT, seatId, "CREATED", null, cmd.seat());
        events.publishEvent(new DeputyEvents.DeputyRegistered(id, home.id()));
        return created;
    }

    public DeputyProfile update(long id, int version, @Valid PersonForm form) {
        DeputyStore.Row row = writable(id);
        DeputyProfile before = profileOf(row);
        DeputyStore.Person person = form.person();
        if (person.idNumber() != null) {
            store.byIdNumber(person.idNumber()).filter(o -> o.id() != id).ifPresent(o -> {
                throw new DomainException("deputy.error.idNumberTaken");
            });
        }
        store.update(id, version, person);
        DeputyProfile after = profileOf(store.byId(id).orElseThrow());
        audit.record(row.orgId(), AUDIT_DEPUTY, id, "UPDATED", snapshot(before), snapshot(after));
        return after;
    }

    public DeputyProfile addSeat(long deputyId, @Valid SeatForm seat) {
        DeputyStore.Row row = writable(deputyId);
        OrgView home = orgs.find(row.orgId()).orElseThrow();
        checkSeat(seat, home);
        long seatId = insertSeat(deputyId, row.orgId(), seat);
        audit.record(row.orgId(), AUDIT_SEAT, seatId, "CREATED", null, seat);
        return profileOf(store.byId(deputyId).orElseThrow());
    }

    /** Records a change of a seat's status with its date and deciding document; only moves the rules allow. */
    public DeputyProfile changeStatus(long seatId, MandateStatus to, LocalDate on, @Nullable String document,
            @Nullable String note) {
        DeputyStore.Seat seat = store.seat(seatId).orElseThrow(() -> new NotFoundException("error.notFound"));
        DeputyStore.Row row = writable(seat.deputyId());
        if (!seat.status().next().contains(to)) {
            throw new DomainException("deputy.error.statusMove", seat.status().label(), to.label());
        }
        if (on.isBefore(seat.statusSince())) {
            throw new DomainException("deputy.error.statusDate", seat.statusSince());
        }
        if (to != MandateStatus.TERM_ENDED && (document == null || document.isBlank())) {
            throw new DomainException("deputy.error.documentRequired");
        }
        store.setSeatStatus(seatId, to, on);
        store.insertStatusChange(seatId, row.orgId(), to, on, Texts.blankToNull(document), Texts.blankToNull(note), currentActor.auditName());
        audit.record(row.orgId(), AUDIT_SEAT, seatId, "STATUS_CHANGED", Map.of("status", seat.status().name()),
                Map.of("status", to.name(), "on", on.toString(), "document", document == null ? "" : document));
        return profileOf(store.byId(seat.deputyId()).orElseThrow());
    }

    /** 摘牌: withdraws the public nameplate, e.g. after a poor assessment, with the reason on file. */
    public void withdrawNameplate(long id, String reason) {
        DeputyStore.Row row = writable(id);
        if (reason.isBlank() || reason.length() > 200) {
            throw new DomainException("deputy.error.reasonRequired");
        }
        store.setNameplate(id, false, reason.strip(), LocalDate.now());
        audit.record(row.orgId(), AUDIT_DEPUTY, id, "NAMEPLATE_WITHDRAWN", Map.of("nameplate", "active"),
                Map.of("nameplate", "withdrawn", "reason", reason.strip()));
        events.publishEvent(new DeputyEvents.NameplateWithdrawn(id, row.orgId(), reason.strip()));
    }

    public void restoreNameplate(long id) {
        DeputyStore.Row row = writable(id);
        store.setNameplate(id, true, null, LocalDate.now());
        audit.record(row.orgId(), AUDIT_DEPUTY, id, "NAMEPLATE_RESTORED", Map.of("nameplate", "withdrawn"),
                Map.of("nameplate", "active"));
    }

    public void uploadPhoto(long id, @Nullable String contentType, byte[] data) {
        DeputyStore.Row row = writableOrSelf(id);
        if (contentType == null || !PHOTO_TYPES.contains(contentType) || !Images.looksLike(contentType, data)) {
            throw new DomainException("deputy.error.photoType");
        }
        if (data.length > MAX_PHOTO_BYTES) {
            throw new DomainException("deputy.error.photoSize", MAX_PHOTO_BYTES / 1024 / 1024);
        }
        store.savePhoto(id, row.orgId(), contentType, data);
        audit.record(row.orgId(), AUDIT_DEPUTY, id, "PHOTO_CHANGED", null,
                Map.of("contentType", contentType, "bytes", data.length));
    }

    /** Links the deputy to the user account they sign in with, so they can keep their own archive. */
    public void linkUser(long id, @Nullable Long userId) {
        DeputyStore.Row row = writable(id);
        if (userId != null) {
            store.byUser(userId).filter(o -> o.id() != id).ifPresent(o -> {
                throw new DomainException("deputy.error.userTaken");
            });
        }
        store.linkUser(id, userId);
        audit.record(row.orgId(), AUDIT_DEPUTY, id, "USER_LINKED", Map.of("userId", String.valueOf(row.userId())),
                Map.of("userId", String.valueOf(userId)));
    }

    @Transactional(readOnly = true)
    public DeputyProfile profile(long id) {
        return profileOf(readable(id));
    }

    /** The deputy the signed-in user is, if any. */
    @Transactional(readOnly = true)
    public Optional<DeputyProfile> mine() {
        return currentActor.current().filter(a -> !a.isSystem()).flatMap(a -> store.byUser(a.userId()))
                .map(this::profileOf);
    }

    @Transactional(readOnly = true)
    public Page list(Query q, int page, int size) {
        Reach reach = reach(q.orgId());
        DeputyStore.Filter f = filter(q);
        long counted = store.count(reach, f, COUNT_CAP + 1);
        boolean more = counted > COUNT_CAP;
        PageWindow w = more ? PageWindow.open(page, size) : PageWindow.of(page, size, counted);
        return new Page(store.list(reach, f, w.size(), w.offset(),
                        counted <= DeputyStore.FEW || !f.text().isBlank()),
                Math.min(counted, COUNT_CAP), w.page(), w.size(), more);
    }

    /** Every matching deputy (for exports), in name order. */
    @Transactional(readOnly = true)
    public List<DeputySummary> listAll(Query q) {
        return store.list(reach(q.orgId()), filter(q), 100_000, 0, false);
    }

    @Transactional(readOnly = true)
    /**
     * The deputy groups the filter offers, in name order: at most {@link #GROUP_CHOICES} + 1, the extra one
     * saying there are too many to pick from (a province has ~1,400), so the page asks for the name instead.
     */
    public List<String> groups() {
        return store.groups(currentActor.reach(Permission.DEPUTY_READ), GROUP_CHOICES + 1);
    }

    @Transactional(readOnly = true)
    public Optional<DeputyStore.Photo> photo(long id) {
        readable(id);
        return store.photo(id);
    }

    /** True if the actor may change this deputy's file. */
    @Transactional(readOnly = true)
    public boolean canWrite(long id) {
        return store.byId(id).map(r -> currentActor.require().can(Permission.DEPUTY_WRITE, r.orgId())).orElse(false);
    }

    // --- internals shared with the module's other services ---

    /**
     * Who these deputies are, without a scope check: for modules that apply their own scope (a town's liaison
     * station lists the county deputies assigned to it). Only names, home organisation, linked user, public
     * code and levels in office: nothing personal. Unknown ids are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, DeputyRef> refs(Collection<Long> ids) {
        Map<Long, DeputyRef> out = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, List<DeputyViews.SeatLabel>> seats = store.seatLabels(ids);
        for (DeputyStore.Row r : store.byIds(ids)) {
            java.util.EnumSet<DeputyLevel> levels = java.util.EnumSet.noneOf(DeputyLevel.class);
            seats.getOrDefault(r.id(), List.of()).stream().filter(s -> s.status().inOffice())
                    .forEach(s -> levels.add(s.level()));
            out.put(r.id(), new DeputyRef(r.id(), r.orgId(), r.userId(), r.person().name(), r.publicCode(),
                    levels, r.nameplateActive()));
        }
        return out;
    }

    /**
     * The deputies in office of one congress (the town whose people's congress it is), in name order, without a
     * scope check: for modules that apply their own (a meeting invites every deputy of its congress; quorum and
     * majorities count them). Only what {@link DeputyRef} carries.
     */
    @Transactional(readOnly = true)
    public List<DeputyRef> congressMembers(long congressOrgId) {
        return List.copyOf(refs(store.inOfficeOfCongress(congressOrgId)).values());
    }

    /**
     * How many deputies of this congress are in office (elected or by-elected seats of the congress), without a
     * scope check: a figure, not a list, for modules that guard the congress themselves (an election at a session
     * needs more than half of all deputies of the congress, not of those present).
     */
    @Transactional(readOnly = true)
    public int inOfficeCount(long congressOrgId) {
        return store.inOfficeOfCongress(congressOrgId).size();
    }

    /** A deputy as other modules refer to one; levels are the seats in office. */
    public record DeputyRef(long id, long orgId, @Nullable Long userId, String name, String publicCode,
            Set<DeputyLevel> levels, boolean nameplateActive) {

        public boolean inOffice() {
            return !levels.isEmpty();
        }
    }

    DeputyStore.Row row(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    /** Staff who may read the deputy's organisation, or the deputy themself. */
    DeputyStore.Row readable(long id) {
        return orSelf(id, Permission.DEPUTY_READ);
    }

    DeputyStore.Row writable(long id) {
        return currentActor.reach(Permission.DEPUTY_WRITE).guard(store.byId(id), DeputyStore.Row::orgId);
    }

    /** Staff of the deputy's organisation, or the deputy themself. */
    DeputyStore.Row writableOrSelf(long id) {
        return orSelf(id, Permission.DEPUTY_WRITE);
    }

    private DeputyStore.Row orSelf(long id, Permission permission) {
        DeputyStore.Row row = store.byId(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        Actor actor = currentActor.require();
        return isSelf(actor, row) ? row : actor.reach(permission).check(row, DeputyStore.Row::orgId);
    }

    static boolean isSelf(Actor actor, DeputyStore.Row row) {
        return row.userId() != null && row.userId() == actor.userId() && !actor.isSystem();
    }

    DeputyProfile profileOf(DeputyStore.Row r) {
        List<DeputyStore.Seat> seats = store.seats(r.id());
        Map<Long, String> names = new java.util.HashMap<>();
        orgs.findAll(seats.stream().map(DeputyStore.Seat::congressOrgId).distinct().toList())
                .forEach(o -> names.put(o.id(), o.name()));
        List<MandateView> mandates = seats.stream().map(s -> new MandateView(s.id(), s.congressOrgId(),
                names.getOrDefault(s.congressOrgId(), ""), s.level(), s.termNo(), s.termStart(), s.termEnd(),
                s.constituency(), s.deputyGroup(), s.station(), s.cardNumber(), s.status(), s.statusSince(),
                s.version(), store.history(s.id()))).toList();
        DeputyStore.Person p = r.person();
        return new DeputyProfile(r.id(), r.orgId(), r.userId(), p.name(), p.gender(), p.birthDate(), p.ethnicity(),
                p.party(), p.education(), p.occupation(), p.workplace(), p.phone(), p.idNumber(), p.bio(),
                r.publicCode(), r.nameplateActive(), r.nameplateReason(), r.nameplateChangedOn(),
                store.hasPhoto(r.id()), r.version(), mandates);
    }

    private Reach reach(@Nullable Long orgId) {
        Reach reach = currentActor.reach(Permission.DEPUTY_READ);
        if (orgId == null) {
            return reach;
        }
        return reach.narrow(reach.covers(orgId) ? orgs.subtreeIds(orgId) : Set.of());
    }

    private static DeputyStore.Filter filter(Query q) {
        return new DeputyStore.Filter(q.text() == null ? "" : q.text(), q.level(), q.termNo(),
                q.group() == null ? "" : q.group(), q.status(), q.inOfficeOnly());
    }

    private long insertSeat(long deputyId, long orgId, SeatForm s) {
        long seatId = store.insertSeat(deputyId, orgId, s.congressOrgId(), s.level(), s.termNo(), s.termStart(),
                s.termEnd(), Texts.blankToNull(s.constituency()), Texts.blankToNull(s.deputyGroup()), Texts.blankToNull(s.station()),
                Texts.blankToNull(s.cardNumber()), s.status(), s.since());
        store.insertStatusChange(seatId, orgId, s.status(), s.since(), Texts.blankToNull(s.document()), null,
                currentActor.auditName());
        return seatId;
    }

    /** A seat belongs to a congress at or above the deputy's home, or one the actor keeps. */
    private void checkSeat(SeatForm seat, OrgView home) {
        if (!seat.status().inOffice()) {
            throw new DomainException("deputy.error.seatStatus");
        }
        if (seat.termEnd() < seat.termStart()) {
            throw new DomainException("deputy.error.termYears");
        }
        OrgView congress = orgs.find(seat.congressOrgId()).filter(OrgView::active)
                .orElseThrow(() -> new DomainException("deputy.error.congress"));
        boolean aboveHome = Arrays.stream(home.lineage()).anyMatch(id -> id == congress.id());
        if (!aboveHome && !currentActor.require().can(Permission.DEPUTY_WRITE, congress.id())) {
            throw new DomainException("deputy.error.congress");
        }
    }

    private OrgView activeOrg(long id) {
        return orgs.find(id).filter(OrgView::active).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private static String newPublicCode() {
        return org.renda.shared.RandomCodes.of(12);
    }

    /** The audit snapshot: personal data masked as in any list. */
    private static Map<String, Object> snapshot(DeputyProfile p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", p.name());
        m.put("gender", p.gender() == null ? "" : p.gender());
        m.put("occupation", p.occupation() == null ? "" : p.occupation());
        m.put("workplace", p.workplace() == null ? "" : p.workplace());
        m.put("party", p.party() == null ? "" : p.party());
        m.put("phone", Masking.phone(p.phone()));
        m.put("idNumber", Masking.idNumber(p.idNumber()));
        return m;
    }

}
