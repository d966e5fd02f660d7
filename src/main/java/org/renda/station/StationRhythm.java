package org.renda.station;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renda.audit.AuditTrail;
import org.renda.calendar.WorkingCalendar;
import org.renda.calendar.WorkingDays;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyRegister.DeputyRef;
import org.renda.deputy.DutyLog;
import org.renda.notification.NotificationRequest;
import org.renda.notification.Notifier;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.station.StationEnums.ActivityKind;
import org.renda.station.StationEnums.ActivityState;
import org.renda.station.StationViews.ActivityView;
import org.renda.station.StationViews.AttendanceView;
import org.renda.station.StationViews.StationDeputy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rhythm of a station (周议事、季联席、半年述职、年总结, seed 004): each kind scheduled for a year from its
 * template, invited deputies reminded, and recorded with attendance and outcome; every attendance counts in the
 * deputy's duty archive.
 */
@Service
@Transactional
public class StationRhythm {

    /** How many deputies a weekly deliberation invites ("邀请4—5名代表"). */
    public static final int DELIBERATION_DEPUTIES = 5;

    private final StationStore store;
    private final ActivityStore activityStore;
    private final StationNetwork network;
    private final WorkingCalendar calendar;
    private final DeputyRegister deputies;
    private final DutyLog duties;
    private final Notifier notifier;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    StationRhythm(StationStore store, ActivityStore activityStore, StationNetwork network, WorkingCalendar calendar, DeputyRegister deputies,
            DutyLog duties, Notifier notifier, CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.activityStore = activityStore;
        this.network = network;
        this.calendar = calendar;
        this.deputies = deputies;
        this.duties = duties;
        this.notifier = notifier;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** What to schedule: the kinds, and the weekday of the weekly deliberation (1 = Monday). */
    public record Plan(Set<ActivityKind> kinds, @Min(1) @Max(7) int deliberationWeekday) {

        public static Plan all() {
            return new Plan(EnumSet.allOf(ActivityKind.class), DayOfWeek.THURSDAY.getValue());
        }
    }

    /**
     * Schedules the year's activities from the templates, from today on, on working days: every week's
     * deliberation (five deputies in turn), a joint meeting in the last month of each quarter, the half-yearly
     * reports in June and December, the annual summary in December. An activity already there is not doubled.
     */
    public int plan(long stationId, int year, Plan plan, LocalDate today) {
        StationStore.Row station = network.writable(stationId);
        WorkingDays days = calendar.of(station.orgId());
        List<StationDeputy> all = network.stationDeputies(stationId).stream().filter(d -> !d.levels().isEmpty())
                .toList();
        Map<ActivityKind, List<LocalDate>> dates = templateDates(year, plan, days);
        List<LocalDate> deliberations = dates.getOrDefault(ActivityKind.WEEKLY_DELIBERATION, List.of()).stream()
                .filter(d -> !d.isBefore(today)).toList();
        Map<LocalDate, List<Long>> invited = RosterPlanner.assign(deliberations,
                all.stream().map(d -> new RosterPlanner.Candidate(d.deputyId(), true)).toList(), DELIBERATION_DEPUTIES,
                Map.of());
        int created = 0;
        for (var e : dates.entrySet()) {
            for (LocalDate on : e.getValue()) {
                if (on.isBefore(today) || activityStore.activityExists(stationId, e.getKey(), on)) {
                    continue;
                }
                long id = activityStore.insertActivity(stationId, station.orgId(), e.getKey(), on, defaultTheme(e.getKey(), on));
                List<Long> who = e.getKey() == ActivityKind.WEEKLY_DELIBERATION ? invited.getOrDefault(on, List.of())
                        : all.stream().map(StationDeputy::deputyId).toList();
                who.forEach(d -> activityStore.setAttendance(id, d, false));
                created++;
            }
        }
        audit.record(station.orgId(), StationNetwork.AUDIT_STATION, stationId, "RHYTHM_PLANNED", null,
                Map.of("year", year, "created", created, "kinds", plan.kinds()));
        return created;
    }

    static Map<ActivityKind, List<LocalDate>> templateDates(int year, Plan plan, WorkingDays days) {
        Map<ActivityKind, List<LocalDate>> out = new LinkedHashMap<>();
        for (ActivityKind kind : plan.kinds()) {
            List<LocalDate> dates = new ArrayList<>();
            switch (kind) {
                case WEEKLY_DELIBERATION -> {
                    DayOfWeek dow = DayOfWeek.of(plan.deliberationWeekday());
                    for (LocalDate d = LocalDate.of(year, 1, 1).with(TemporalAdjusters.nextOrSame(dow));
                            d.getYear() == year; d = d.plusWeeks(1)) {
                        if (days.isWorkingDay(d)) {
                            dates.add(d);
                        }
                    }
                }
                case QUARTERLY_JOINT_MEETING -> {
                    for (int m : new int[] {3, 6, 9, 12}) {
                        dates.add(onOrBefore(LocalDate.of(year, m, 25), days));
                    }
                }
                case HALF_YEAR_REPORT -> {
                    dates.add(onOrBefore(LocalDate.of(year, 6, 28), days));
                    dates.add(onOrBefore(LocalDate.of(year, 12, 18), days));
                }
                case ANNUAL_SUMMARY -> dates.add(onOrBefore(LocalDate.of(year, 12, 28), days));
            }
            out.put(kind, dates);
        }
        return out;
    }

    private static LocalDate onOrBefore(LocalDate date, WorkingDays days) {
        LocalDate d = date;
        for (int i = 0; i < 20 && !days.isWorkingDay(d); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static String defaultTheme(ActivityKind kind, LocalDate on) {
        return switch (kind) {
            case WEEKLY_DELIBERATION -> "周议事（主题待定）";
            case QUARTERLY_JOINT_MEETING -> "第" + ((on.getMonthValue() + 2) / 3) + "季度联席会议";
            case HALF_YEAR_REPORT -> (on.getMonthValue() <= 6 ? "上" : "下") + "半年代表述职";
            case ANNUAL_SUMMARY -> on.getYear() + "年度工作总结";
        };
    }

    /** Changes the theme of a planned activity (the week's deliberation gets its theme a few days ahead). */
    public ActivityView theme(long activityId, String theme) {
        ActivityStore.ActivityRow a = activity(activityId);
        StationStore.Row station = network.writable(a.stationId());
        if (theme == null || theme.isBlank() || theme.length() > 200) {
            throw new DomainException("station.activity.error.theme");
        }
        activityStore.setTheme(a.id(), a.version(), theme.strip());
        audit.record(station.orgId(), "station_activity", a.id(), "THEME", Map.of("theme", a.theme()),
                Map.of("theme", theme.strip()));
        return get(a.id());
    }

    /**
     * Records that an activity was held: date, theme, outcome and who attended. Every deputy who attended gets it
     * in their duty archive; recording it again corrects attendance both ways.
     */
    public ActivityView hold(long activityId, LocalDate heldOn, String theme, String outcome, List<Long> attended) {
        ActivityStore.ActivityRow a = activity(activityId);
        StationStore.Row station = network.writable(a.stationId());
        if (heldOn.isAfter(LocalDate.now())) {
            throw new DomainException("duty.error.future");
        }
        if (theme == null || theme.isBlank() || theme.length() > 200) {
            throw new DomainException("station.activity.error.theme");
        }
        if (outcome == null || outcome.isBlank() || outcome.length() > 4000) {
            throw new DomainException("station.activity.error.outcome");
        }
        if (attended.isEmpty()) {
            throw new DomainException("station.record.error.deputies");
        }
        Set<Long> assigned = new HashSet<>(network.stationDeputies(a.stationId()).stream()
                .map(StationDeputy::deputyId).toList());
        Map<Long, Boolean> before = activityStore.attendance(a.id());
        assigned.addAll(before.keySet());
        if (!assigned.containsAll(attended)) {
            throw new DomainException("station.day.error.notAssigned");
        }
        activityStore.holdActivity(a.id(), a.version(), heldOn, theme.strip(), outcome.strip(), currentActor.auditName());
        Set<Long> now = Set.copyOf(attended);
        Set<Long> everyone = new HashSet<>(before.keySet());
        everyone.addAll(now);
        for (long deputyId : everyone) {
            boolean there = now.contains(deputyId);
            activityStore.setAttendance(a.id(), deputyId, there);
            String key = "station-activity:" + a.id() + ":deputy:" + deputyId;
            if (there) {
                duties.recordAttested(deputyId, new DutyLog.DutyForm(a.kind().dutyType(), heldOn,
                        station.name() + "：" + theme.strip(), outcome.strip().length() > 400
                                ? outcome.strip().substring(0, 400) + "…" : outcome.strip(), station.address()),
                        key, station.orgId(), Permission.STATION_WRITE);
            } else if (Boolean.TRUE.equals(before.get(deputyId))) {
                duties.retractAttested(key, "未出席", station.orgId(), Permission.STATION_WRITE);
            }
        }
        ActivityView after = get(a.id());
        audit.record(station.orgId(), "station_activity", a.id(), "HELD", Map.of("state", a.state().name()),
                Map.of("heldOn", heldOn.toString(), "theme", theme.strip(), "attended", after.attendance().stream()
                        .filter(AttendanceView::attended).map(AttendanceView::deputyName).toList()));
        return after;
    }

    public ActivityView cancel(long activityId) {
        ActivityStore.ActivityRow a = activity(activityId);
        StationStore.Row station = network.writable(a.stationId());
        if (a.state() != ActivityState.PLANNED) {
            throw new DomainException("station.activity.error.notPlanned");
        }
        activityStore.setActivityState(a.id(), ActivityState.CANCELLED);
        audit.record(station.orgId(), "station_activity", a.id(), "CANCELLED", null, null);
        return get(a.id());
    }

    @Transactional(readOnly = true)
    public ActivityView get(long activityId) {
        ActivityStore.ActivityRow a = activity(activityId);
        return views(network.readable(a.stationId()), List.of(a)).get(0);
    }

    @Transactional(readOnly = true)
    public List<ActivityView> activities(long stationId, LocalDate from, LocalDate to) {
        StationStore.Row station = network.readable(stationId);
        return views(station, activityStore.activities(stationId, from, to));
    }

    /** The signed-in deputy's coming meetings (those they are invited to). */
    @Transactional(readOnly = true)
    public List<ActivityView> mine(LocalDate today) {
        var me = deputies.mine().orElseThrow(() -> new DomainException("duty.error.notDeputy"));
        List<ActivityView> out = new java.util.ArrayList<>();
        for (ActivityStore.ActivityRow a : activityStore.activitiesOfDeputy(me.id(), today)) {
            out.addAll(views(store.station(a.stationId()).orElseThrow(), List.of(a)));
        }
        return out;
    }

    /** Reminds invited deputies three days ahead, once per activity; returns how many notifications were new. */
    public int remind(LocalDate today) {
        int created = 0;
        for (ActivityStore.ActivityRow a : activityStore.activitiesPlannedBetween(today, today.plusDays(3))) {
            StationStore.Row station = store.station(a.stationId()).orElseThrow();
            Map<Long, DeputyRef> refs = deputies.refs(activityStore.attendance(a.id()).keySet());
            for (DeputyRef ref : refs.values()) {
                if (ref.userId() == null) {
                    continue;
                }
                created += notifier.notify(NotificationRequest.of(station.orgId(), ref.userId(),
                        "station-activity:" + a.id() + ":notice:" + ref.id(),
                        station.name() + "：" + a.theme() + "（" + a.plannedOn() + "）",
                        ref.name() + "代表：请于 " + a.plannedOn() + " 到 " + station.address() + " 参加"
                                + a.theme() + "。").withLink("/stations/mine"));
            }
        }
        return created;
    }

    private ActivityStore.ActivityRow activity(long id) {
        return activityStore.activity(id).orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private List<ActivityView> views(StationStore.Row station, List<ActivityStore.ActivityRow> rows) {
        Map<Long, Map<Long, Boolean>> attendance = new LinkedHashMap<>();
        rows.forEach(r -> attendance.put(r.id(), activityStore.attendance(r.id())));
        Map<Long, String> names = network.deputyNames(attendance.values().stream()
                .flatMap(m -> m.keySet().stream()).distinct().toList());
        return rows.stream().map(r -> new ActivityView(r.id(), station.id(), station.name(), r.orgId(), r.kind(),
                r.plannedOn(), r.theme(), r.state(), r.heldOn(), r.outcome(),
                attendance.get(r.id()).entrySet().stream().map(e -> new AttendanceView(e.getKey(),
                        names.getOrDefault(e.getKey(), ""), e.getValue())).toList())).toList();
    }

}
