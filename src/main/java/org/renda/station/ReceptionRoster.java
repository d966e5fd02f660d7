package org.renda.station;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.renda.audit.AuditTrail;
import org.renda.calendar.WorkingCalendar;
import org.renda.calendar.WorkingDays;
import org.renda.deputy.DeputyLevel;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyRegister.DeputyRef;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.notification.NotificationRequest;
import org.renda.notification.Notifier;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.station.StationEnums.DayState;
import org.renda.station.StationEnums.DutyState;
import org.renda.station.StationViews.DayView;
import org.renda.station.StationViews.DutyView;
import org.renda.station.StationViews.MyDuty;
import org.renda.station.StationViews.StationDeputy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.renda.shared.Texts;

/**
 * Reception days (接待选民日): a rule per station, turned into a year's roster that spreads the station's deputies
 * fairly ({@link RosterPlanner}), editable by staff; deputies are told ahead (the rule's notice days, a week by
 * default) and confirm, decline or swap with a colleague; the public schedule shows time, place and deputies.
 */
@Service
@Transactional
@Validated
public class ReceptionRoster {

    private final StationStore store;
    private final ReceptionDayStore dayStore;
    private final StationNetwork network;
    private final WorkingCalendar calendar;
    private final DeputyRegister deputies;
    private final OrgTree orgs;
    private final Notifier notifier;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    ReceptionRoster(StationStore store, ReceptionDayStore dayStore, StationNetwork network, WorkingCalendar calendar, DeputyRegister deputies,
            OrgTree orgs, Notifier notifier, CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.dayStore = dayStore;
        this.network = network;
        this.calendar = calendar;
        this.deputies = deputies;
        this.orgs = orgs;
        this.notifier = notifier;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /**
     * What generating a year's roster did. Without the year's national holidays in the calendar (published each
     * November) only weekends count as days off: {@code calendarKnown} is false and staff regenerate once the
     * holidays are imported.
     */
    public record Generated(int year, int created, int replaced, int kept, int assignments, boolean calendarKnown) {}

    /** Staff's change of one day: date, hours, place, state and the deputies on it. */
    public record DayChange(LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place, DayState state,
            @Nullable String note, List<Long> deputyIds) {}

    public void saveRule(long stationId, @Valid ReceptionRule rule) {
        StationStore.Row station = network.writable(stationId);
        rule.checked();
        ReceptionRule before = dayStore.rule(stationId).orElse(null);
        dayStore.saveRule(stationId, station.orgId(), rule);
        audit.record(station.orgId(), StationNetwork.AUDIT_STATION, stationId, "RULE_SAVED", before, rule);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<ReceptionRule> rule(long stationId) {
        network.readable(stationId);
        return dayStore.rule(stationId);
    }

    /**
     * Generates (or regenerates) a year's roster from the rule. Days already held, cancelled or with a record,
     * and days before today, are kept; the open days from today on are planned afresh, counting what each
     * deputy has already served this year.
     */
    public Generated generate(long stationId, int year, LocalDate today) {
        StationStore.Row station = network.writable(stationId);
        ReceptionRule rule = dayStore.rule(stationId).orElseThrow(() -> new DomainException("station.rule.error.none"));
        if (year < today.getYear() || year > today.getYear() + 1) {
            throw new DomainException("station.roster.error.year", String.valueOf(today.getYear()),
                    String.valueOf(today.getYear() + 1));
        }
        LocalDate from = year == today.getYear() ? today : LocalDate.of(year, 1, 1);
        int replaced = dayStore.deleteOpenDays(stationId, year, from);
        List<ReceptionDayStore.DayRow> kept = dayStore.days(stationId, year);
        Set<LocalDate> taken = kept.stream().map(ReceptionDayStore.DayRow::heldOn).collect(Collectors.toSet());
        Map<Long, Integer> prior = new HashMap<>();
        dayStore.duties(kept.stream().filter(d -> d.state() != DayState.CANCELLED).map(ReceptionDayStore.DayRow::id).toList())
                .values().forEach(list -> list.forEach(d -> prior.merge(d.deputyId(), 1, Integer::sum)));
        WorkingDays days = calendar.of(station.orgId());
        List<RosterPlanner.PlannedDate> planned = RosterPlanner.dates(rule, year, days::isWorkingDay).stream()
                .filter(p -> !p.heldOn().isBefore(from) && !taken.contains(p.heldOn())).toList();
        DeputyLevel local = localLevel(station.orgId());
        List<RosterPlanner.Candidate> candidates = network.stationDeputies(stationId).stream()
                .filter(d -> d.onRoster() && !d.levels().isEmpty())
                .map(d -> new RosterPlanner.Candidate(d.deputyId(), d.levels().contains(local))).toList();
        Map<LocalDate, List<Long>> roster = RosterPlanner.assign(
                planned.stream().map(RosterPlanner.PlannedDate::heldOn).toList(), candidates, rule.deputiesPerDay(),
                prior);
        int assignments = 0;
        for (RosterPlanner.PlannedDate p : planned) {
            long dayId = dayStore.insertDay(stationId, station.orgId(), year, p.ruleDate(), p.heldOn(), rule.startsAt(),
                    rule.endsAt(), rule.place(), p.movedReason());
            for (long deputyId : roster.getOrDefault(p.heldOn(), List.of())) {
                dayStore.insertDuty(dayId, deputyId, station.orgId());
                assignments++;
            }
        }
        Generated result = new Generated(year, planned.size(), replaced, kept.size(), assignments,
                calendar.hasNationalDays(year));
        audit.record(station.orgId(), StationNetwork.AUDIT_STATION, stationId, "ROSTER_GENERATED", null, result);
        return result;
    }

    @Transactional(readOnly = true)
    public List<DayView> days(long stationId, int year) {
        StationStore.Row station = network.readable(stationId);
        return views(station, dayStore.days(stationId, year));
    }

    @Transactional(readOnly = true)
    public DayView day(long dayId) {
        ReceptionDayStore.DayRow day = dayStore.day(dayId).orElseThrow(() -> new NotFoundException("error.notFound"));
        return views(network.readable(day.stationId()), List.of(day)).get(0);
    }

    /** Staff edit a day: move it, change hours or place, cancel it, or change who receives. */
    public DayView change(long dayId, int version, DayChange c) {
        ReceptionDayStore.DayRow before = dayStore.day(dayId).orElseThrow(() -> new NotFoundException("error.notFound"));
        StationStore.Row station = network.writable(before.stationId());
        if (c.place() == null || c.place().isBlank()) {
            throw new DomainException("station.day.error.place");
        }
        if (!c.endsAt().isAfter(c.startsAt())) {
            throw new DomainException("station.rule.error.hours");
        }
        if (c.heldOn().getYear() != before.year()) {
            throw new DomainException("station.day.error.year", String.valueOf(before.year()));
        }
        Set<Long> allowed = network.stationDeputies(station.id()).stream().map(StationDeputy::deputyId)
                .collect(Collectors.toSet());
        if (!allowed.containsAll(c.deputyIds())) {
            throw new DomainException("station.day.error.notAssigned");
        }
        dayStore.updateDay(dayId, version, c.heldOn(), c.startsAt(), c.endsAt(), c.place().strip(), c.state(),
                Texts.blankToNull(c.note()));
        List<ReceptionDayStore.DutyRow> current = dayStore.duties(List.of(dayId)).getOrDefault(dayId, List.of());
        Set<Long> wanted = Set.copyOf(c.deputyIds());
        for (ReceptionDayStore.DutyRow d : current) {
            if (!wanted.contains(d.deputyId())) {
                dayStore.deleteDuty(dayId, d.deputyId());
            }
        }
        Set<Long> have = current.stream().map(ReceptionDayStore.DutyRow::deputyId).collect(Collectors.toSet());
        for (long id : c.deputyIds()) {
            if (!have.contains(id)) {
                dayStore.insertDuty(dayId, id, station.orgId());
            }
        }
        DayView after = day(dayId);
        audit.record(station.orgId(), "reception_day", dayId, "CHANGED", dayAudit(views(station, List.of(before)).get(0)),
                dayAudit(after));
        return after;
    }

    /** The signed-in deputy's coming reception days, with the colleagues' days they could swap with. */
    @Transactional(readOnly = true)
    public List<MyDuty> mine(LocalDate today) {
        DeputyProfile me = deputies.mine().orElseThrow(() -> new DomainException("duty.error.notDeputy"));
        List<MyDuty> out = new ArrayList<>();
        for (ReceptionDayStore.DutyRow duty : dayStore.dutiesOfDeputy(me.id(), today)) {
            ReceptionDayStore.DayRow day = dayStore.day(duty.dayId()).orElseThrow();
            StationStore.Row station = store.station(day.stationId()).orElseThrow();
            DayView view = views(station, List.of(day)).get(0);
            List<StationViews.SwapOption> options = new ArrayList<>();
            for (ReceptionDayStore.DayRow other : dayStore.upcomingDays(station.id(), today, 60)) {
                if (other.id() == day.id()) {
                    continue;
                }
                List<ReceptionDayStore.DutyRow> theirs = dayStore.duties(List.of(other.id())).getOrDefault(other.id(), List.of());
                boolean mineThere = theirs.stream().anyMatch(d -> d.deputyId() == me.id());
                if (mineThere) {
                    continue;
                }
                DayView otherView = views(station, List.of(other)).get(0);
                for (DutyView d : otherView.duties()) {
                    if (view.duties().stream().noneMatch(x -> x.deputyId() == d.deputyId())) {
                        options.add(new StationViews.SwapOption(d.id(), d.deputyName(), other.heldOn()));
                    }
                }
            }
            out.add(new MyDuty(duty.id(), duty.state(), view, options));
        }
        return out;
    }

    /** The deputy confirms they will receive, or declines with a reason (staff then change the day). */
    public void answer(long dutyId, boolean confirm, @Nullable String note) {
        ReceptionDayStore.DutyRow duty = ownDuty(dutyId);
        if (!confirm && (note == null || note.isBlank())) {
            throw new DomainException("station.duty.error.reason");
        }
        dayStore.answerDuty(dutyId, confirm ? DutyState.CONFIRMED : DutyState.DECLINED, Texts.blankToNull(note));
        audit.record(duty.orgId(), "reception_duty", dutyId, confirm ? "CONFIRMED" : "DECLINED", null,
                note == null ? Map.of() : Map.of("note", note.strip()));
        if (!confirm) {
            ReceptionDayStore.DayRow day = dayStore.day(duty.dayId()).orElseThrow();
            StationStore.Row station = store.station(day.stationId()).orElseThrow();
            String who = deputies.refs(List.of(duty.deputyId())).values().stream().map(DeputyRef::name).findFirst()
                    .orElse("");
            for (var staff : store.staff(station.id())) {
                if (staff.userId() != null) {
                    notifier.notify(NotificationRequest.of(station.orgId(), staff.userId(),
                            "reception-duty:" + dutyId + ":declined", station.name() + "：" + who + "无法参加 "
                                    + day.heldOn() + " 的接待日", "原因：" + note.strip() + "。请调整接待安排。")
                            .withLink("/stations/" + station.id() + "/roster?year=" + day.year()));
                }
            }
        }
    }

    /**
     * Swaps the signed-in deputy's day with a colleague's: each takes the other's place, and both are asked to
     * confirm again.
     */
    public void swap(long myDutyId, long theirDutyId) {
        ReceptionDayStore.DutyRow mine = ownDuty(myDutyId);
        ReceptionDayStore.DutyRow theirs = dayStore.duty(theirDutyId).orElseThrow(() -> new NotFoundException("error.notFound"));
        ReceptionDayStore.DayRow myDay = dayStore.day(mine.dayId()).orElseThrow();
        ReceptionDayStore.DayRow theirDay = dayStore.day(theirs.dayId()).orElseThrow();
        if (myDay.stationId() != theirDay.stationId() || myDay.id() == theirDay.id()
                || theirDay.state() != DayState.PLANNED || theirDay.heldOn().isBefore(LocalDate.now())) {
            throw new DomainException("station.duty.error.swap");
        }
        Set<Long> onMyDay = dutyDeputies(myDay.id());
        Set<Long> onTheirDay = dutyDeputies(theirDay.id());
        if (onMyDay.contains(theirs.deputyId()) || onTheirDay.contains(mine.deputyId())) {
            throw new DomainException("station.duty.error.swap");
        }
        dayStore.reassignDuty(mine.id(), theirs.deputyId());
        dayStore.reassignDuty(theirs.id(), mine.deputyId());
        audit.record(mine.orgId(), "reception_duty", mine.id(), "SWAPPED", Map.of("deputyId", mine.deputyId()),
                Map.of("deputyId", theirs.deputyId()));
        audit.record(theirs.orgId(), "reception_duty", theirs.id(), "SWAPPED", Map.of("deputyId", theirs.deputyId()),
                Map.of("deputyId", mine.deputyId()));
        StationStore.Row station = store.station(myDay.stationId()).orElseThrow();
        Map<Long, DeputyRef> refs = deputies.refs(List.of(mine.deputyId(), theirs.deputyId()));
        DeputyRef me = refs.get(mine.deputyId());
        DeputyRef other = refs.get(theirs.deputyId());
        if (other != null && other.userId() != null && me != null) {
            notifier.notify(NotificationRequest.of(station.orgId(), other.userId(),
                    "reception-duty:" + mine.id() + ":swap:" + theirs.id(), station.name() + "：" + me.name()
                            + "与您调换了接待日", "您的接待日由 " + theirDay.heldOn() + " 改为 " + myDay.heldOn()
                            + "，请确认。").withLink("/stations/mine"));
        }
    }

    /** The next planned days of a station, whatever the year. */
    @Transactional(readOnly = true)
    public List<DayView> upcoming(long stationId, LocalDate from, int limit) {
        return upcoming(network.readable(stationId), from, limit);
    }

    /** The public schedule: the next planned days with their deputies. */
    @Transactional(readOnly = true)
    List<DayView> upcoming(StationStore.Row station, LocalDate from, int limit) {
        return views(station, dayStore.upcomingDays(station.id(), from, limit));
    }

    /**
     * Tells each deputy of a coming reception day, once, the rule's notice days ahead (or at once when the day
     * is nearer). Called by the daily job and by tests with any day; returns how many notifications were new.
     */
    public int remind(LocalDate today) {
        int created = 0;
        for (ReceptionDayStore.DayRow day : dayStore.plannedBetween(today, today.plusDays(60))) {
            StationStore.Row station = store.station(day.stationId()).orElseThrow();
            int notice = dayStore.rule(station.id()).map(ReceptionRule::noticeDays).orElse(7);
            if (day.heldOn().isAfter(today.plusDays(notice))) {
                continue;
            }
            List<ReceptionDayStore.DutyRow> duties = dayStore.duties(List.of(day.id())).getOrDefault(day.id(), List.of());
            Map<Long, DeputyRef> refs = deputies.refs(duties.stream().map(ReceptionDayStore.DutyRow::deputyId).toList());
            for (ReceptionDayStore.DutyRow duty : duties) {
                DeputyRef ref = refs.get(duty.deputyId());
                if (duty.notifiedAt() != null || ref == null || ref.userId() == null) {
                    continue;
                }
                created += notifier.notify(NotificationRequest.of(station.orgId(), ref.userId(),
                        "reception-duty:" + duty.id() + ":notice:" + day.heldOn(),
                        "接待选民日通知：" + day.heldOn() + " " + day.startsAt() + " " + station.name(),
                        ref.name() + "代表：请于 " + day.heldOn() + " " + day.startsAt() + "—" + day.endsAt() + " 到 "
                                + day.place() + " 参加接待选民日活动。请在手机上确认，或与其他代表调换。")
                        .withLink("/stations/mine"));
                dayStore.markNotified(duty.id());
            }
        }
        return created;
    }

    private ReceptionDayStore.DutyRow ownDuty(long dutyId) {
        DeputyProfile me = deputies.mine().orElseThrow(() -> new DomainException("duty.error.notDeputy"));
        ReceptionDayStore.DutyRow duty = dayStore.duty(dutyId).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (duty.deputyId() != me.id()) {
            throw new NotFoundException("error.notFound");
        }
        ReceptionDayStore.DayRow day = dayStore.day(duty.dayId()).orElseThrow();
        if (day.state() != DayState.PLANNED || day.heldOn().isBefore(LocalDate.now())) {
            throw new DomainException("station.duty.error.past");
        }
        return duty;
    }

    private Set<Long> dutyDeputies(long dayId) {
        return dayStore.duties(List.of(dayId)).getOrDefault(dayId, List.of()).stream()
                .map(ReceptionDayStore.DutyRow::deputyId).collect(Collectors.toSet());
    }

    /** The deputies whose own congress the station serves: a town's station, the town deputies. */
    private DeputyLevel localLevel(long orgId) {
        OrgType type = orgs.find(orgId).map(o -> o.type()).orElse(OrgType.TOWN);
        return switch (type) {
            case PROVINCE -> DeputyLevel.PROVINCE;
            case CITY -> DeputyLevel.CITY;
            case COUNTY -> DeputyLevel.COUNTY;
            default -> DeputyLevel.TOWN;
        };
    }

    List<DayView> views(StationStore.Row station, List<ReceptionDayStore.DayRow> days) {
        Map<Long, List<ReceptionDayStore.DutyRow>> duties = dayStore.duties(days.stream().map(ReceptionDayStore.DayRow::id).toList());
        Map<Long, String> names = network.deputyNames(duties.values().stream().flatMap(List::stream)
                .map(ReceptionDayStore.DutyRow::deputyId).distinct().toList());
        return days.stream().map(d -> new DayView(d.id(), station.id(), station.name(), d.orgId(), d.year(),
                d.ruleDate(), d.heldOn(), d.startsAt(), d.endsAt(), d.place(), d.movedReason(), d.state(), d.note(),
                duties.getOrDefault(d.id(), List.of()).stream().map(u -> new DutyView(u.id(), u.dayId(), u.deputyId(),
                        names.getOrDefault(u.deputyId(), ""), u.state(), u.note())).toList(),
                d.records(), d.version())).toList();
    }

    private static Map<String, Object> dayAudit(DayView d) {
        return Map.of("heldOn", d.heldOn().toString(), "startsAt", d.startsAt().toString(), "place", d.place(),
                "state", d.state().name(), "deputies", d.duties().stream().map(DutyView::deputyName).toList());
    }
}
