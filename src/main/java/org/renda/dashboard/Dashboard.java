package org.renda.dashboard;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalStatus;
import org.renda.assessment.AssessmentStatus;
import org.renda.casework.CaseTrends;
import org.renda.dashboard.DashboardFigures.Appraisals;
import org.renda.dashboard.DashboardFigures.Assessments;
import org.renda.dashboard.DashboardFigures.CampaignRow;
import org.renda.dashboard.DashboardFigures.CaseRow;
import org.renda.dashboard.DashboardFigures.Cases;
import org.renda.dashboard.DashboardFigures.Duties;
import org.renda.dashboard.DashboardFigures.DutyRow;
import org.renda.dashboard.DashboardFigures.PeriodRow;
import org.renda.dashboard.DashboardFigures.Place;
import org.renda.dashboard.DashboardFigures.ReceptionRow;
import org.renda.dashboard.DashboardFigures.Receptions;
import org.renda.dashboard.DashboardFigures.VoteRow;
import org.renda.deputy.DutyTrends;
import org.renda.deputy.DutyType;
import org.renda.org.OrgDirectory;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.station.ReceptionTrends;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws a dashboard: picks the organisation (the actor's own by default, or one they may read), asks each
 * module's read facade for the year's figures of its subtree (each facade applies the actor's reach for its
 * own permission) and rolls them up by the organisation's direct children ("by town" for a county) and month.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    /** Organisations a dashboard is offered for in the selector. */
    static final Set<OrgType> PLACES = EnumSet.of(OrgType.PROVINCE, OrgType.CITY, OrgType.COUNTY, OrgType.TOWN,
            OrgType.STREET);
    /** Children that get a bar even with nothing to count (departments appear only with figures). */
    private static final Set<OrgType> ALWAYS_SHOWN = EnumSet.of(OrgType.CITY, OrgType.COUNTY, OrgType.TOWN,
            OrgType.STREET, OrgType.VILLAGE, OrgType.COMMUNITY);
    /** The most records a drill-down lists. */
    static final int DRILL_LIMIT = 500;
    private static final String SELF = "self";

    /** Which kind of records a drill-down lists. */
    public enum Kind { CASES, DUTIES, RECEPTIONS }

    private final CurrentActor currentActor;
    private final OrgDirectory directory;
    private final OrgTree tree;
    private final CaseTrends cases;
    private final DutyTrends duties;
    private final ReceptionTrends receptions;
    private final AppraisalStatus appraisals;
    private final AssessmentStatus assessments;
    private final MessageSource messages;

    Dashboard(CurrentActor currentActor, OrgDirectory directory, OrgTree tree, CaseTrends cases, DutyTrends duties,
            ReceptionTrends receptions, AppraisalStatus appraisals, AssessmentStatus assessments,
            MessageSource messages) {
        this.currentActor = currentActor;
        this.directory = directory;
        this.tree = tree;
        this.cases = cases;
        this.duties = duties;
        this.receptions = receptions;
        this.appraisals = appraisals;
        this.assessments = assessments;
        this.messages = messages;
    }

    /** Who has a dashboard: those who read casework, stations, appraisals or assessments somewhere. */
    public static boolean offeredTo(Actor a) {
        return a.canAny(Permission.CASE_READ) || a.canAny(Permission.STATION_READ)
                || a.canAny(Permission.APPRAISAL_READ) || a.canAny(Permission.ASSESSMENT_READ);
    }

    /**
     * The organisations the selector offers: the actor's readable provinces, cities, counties, towns and streets,
     * as many levels of them as fit {@link #SELECTOR_CHOICES} (a province's staff choose among its cities and
     * counties, then a county's dashboard lists its towns), and the one shown.
     */
    public List<OrgView> places(OrgView shown) {
        List<OrgView> places = places();
        if (places.stream().anyMatch(o -> o.id() == shown.id())) {
            return places;
        }
        List<OrgView> withShown = new ArrayList<>(places);
        withShown.add(shown);
        return withShown;
    }

    /** The most organisations the selector offers. */
    static final int SELECTOR_CHOICES = 300;

    private List<OrgView> places() {
        require();
        return tree.pickable(currentActor.reach(Permission.ORG_READ), PLACES, SELECTOR_CHOICES).stream()
                .filter(OrgView::active).toList();
    }

    /** The organisation asked for (404 outside the actor's reach), or by default the actor's own. */
    public OrgView place(@Nullable Long org) {
        Actor actor = require();
        if (org != null) {
            return directory.get(org);
        }
        List<OrgView> places = places();
        return places.stream().filter(o -> o.id() == actor.homeOrgId()).findFirst()
                .or(() -> places.stream().findFirst())
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private Actor require() {
        Actor actor = currentActor.require();
        if (!offeredTo(actor)) {
            throw new NotFoundException("error.notFound");
        }
        return actor;
    }

    public DashboardFigures figures(OrgView root, int year, LocalDate today) {
        Actor actor = require();
        Set<Long> subtree = tree.subtreeIds(root.id());
        Groups groups = new Groups(root);
        return new DashboardFigures(year, new Place(root.id(), root.name()),
                actor.canAny(Permission.CASE_READ) ? cases(root, groups, subtree, year, today) : null,
                actor.canAny(Permission.DEPUTY_READ) ? duties(root, groups, subtree, year) : null,
                actor.canAny(Permission.STATION_READ) ? receptions(root, groups, subtree, year, today) : null,
                actor.canAny(Permission.APPRAISAL_READ) ? appraisals(subtree, year) : null,
                actor.canAny(Permission.ASSESSMENT_READ) ? assessments(subtree, year) : null);
    }

    // ---- casework

    private Cases cases(OrgView root, Groups groups, Set<Long> subtree, int year, LocalDate today) {
        List<CaseTrends.Cell> cells = cases.byOrgAndMonth(subtree, year, today);
        groups.see(cells.stream().map(CaseTrends.Cell::orgId).toList());
        Map<String, long[]> byTown = groups.empty(5);
        Map<Integer, long[]> byMonth = months(5);
        long[] total = new long[5];
        for (CaseTrends.Cell c : cells) {
            long[] v = {c.collected(), c.closed(), c.overdue(), c.rated(), c.satisfied()};
            add(byTown.computeIfAbsent(groups.of(c.orgId()), k -> new long[5]), v);
            add(byMonth.get(c.month()), v);
            add(total, v);
        }
        String base = "/dashboard/records?kind=CASES&year=" + year;
        List<CaseRow> towns = byTown.entrySet().stream().map(e -> caseRow(e.getKey(), groups.label(e.getKey()),
                e.getValue(), base + groups.query(e.getKey()))).toList();
        List<CaseRow> monthRows = byMonth.entrySet().stream().map(e -> caseRow(String.valueOf(e.getKey()),
                monthLabel(e.getKey()), e.getValue(), base + "&org=" + root.id() + "&month=" + e.getKey())).toList();
        return new Cases(towns, monthRows, caseRow("total", msg("dashboard.total"), total, base + "&org=" + root.id()));
    }

    private static CaseRow caseRow(String key, String label, long[] v, String href) {
        return CaseRow.of(key, label, v, href);
    }

    // ---- duty records

    private Duties duties(OrgView root, Groups groups, Set<Long> subtree, int year) {
        List<DutyTrends.Cell> cells = duties.byOrgMonthAndType(subtree, year);
        groups.see(cells.stream().map(DutyTrends.Cell::orgId).toList());
        Map<DutyType, long[]> byType = new LinkedHashMap<>();
        for (DutyType t : DutyType.values()) {
            byType.put(t, new long[2]);
        }
        Map<String, long[]> byTown = groups.empty(2);
        long[] total = new long[2];
        for (DutyTrends.Cell c : cells) {
            long[] v = {c.verified(), c.submitted()};
            add(byType.get(c.type()), v);
            add(byTown.computeIfAbsent(groups.of(c.orgId()), k -> new long[2]), v);
            add(total, v);
        }
        String base = "/dashboard/records?kind=DUTIES&year=" + year;
        return new Duties(
                byType.entrySet().stream().map(e -> new DutyRow(e.getKey().name(), msg(e.getKey().messageKey()),
                        e.getValue()[0], e.getValue()[1], base + "&org=" + root.id() + "&type=" + e.getKey())).toList(),
                byTown.entrySet().stream().map(e -> new DutyRow(e.getKey(), groups.label(e.getKey()), e.getValue()[0],
                        e.getValue()[1], base + groups.query(e.getKey()))).toList(),
                new DutyRow("total", msg("dashboard.total"), total[0], total[1], base + "&org=" + root.id()));
    }

    // ---- reception days

    private Receptions receptions(OrgView root, Groups groups, Set<Long> subtree, int year, LocalDate today) {
        List<ReceptionTrends.Cell> cells = receptions.byOrgAndMonth(subtree, year, today);
        groups.see(cells.stream().map(ReceptionTrends.Cell::orgId).toList());
        Map<String, long[]> byTown = groups.empty(4);
        Map<Integer, long[]> byMonth = months(4);
        long[] total = new long[4];
        for (ReceptionTrends.Cell c : cells) {
            long[] v = {c.planned(), c.held(), c.missed(), c.cancelled()};
            add(byTown.computeIfAbsent(groups.of(c.orgId()), k -> new long[4]), v);
            add(byMonth.get(c.month()), v);
            add(total, v);
        }
        String base = "/dashboard/records?kind=RECEPTIONS&year=" + year;
        return new Receptions(
                byMonth.entrySet().stream().map(e -> receptionRow(String.valueOf(e.getKey()), monthLabel(e.getKey()),
                        e.getValue(), base + "&org=" + root.id() + "&month=" + e.getKey())).toList(),
                byTown.entrySet().stream().map(e -> receptionRow(e.getKey(), groups.label(e.getKey()), e.getValue(),
                        base + groups.query(e.getKey()))).toList(),
                receptionRow("total", msg("dashboard.total"), total, base + "&org=" + root.id()));
    }

    private static ReceptionRow receptionRow(String key, String label, long[] v, String href) {
        return ReceptionRow.of(key, label, v, href);
    }

    // ---- appraisals and assessments

    private Appraisals appraisals(Set<Long> subtree, int year) {
        List<CampaignRow> campaigns = appraisals.campaigns(subtree, year).stream().map(c -> new CampaignRow(c.id(),
                c.title(), msg(c.kind().messageKey()), c.subjects(), c.votes(), "/appraisals/" + c.id())).toList();
        List<AppraisalStatus.Vote> raw = appraisals.votes(subtree, year);
        List<VoteRow> votes = raw.stream().map(v -> new VoteRow(v.id(), v.title(), msg(v.state().messageKey()),
                v.published(), v.eligible(), v.cast(), v.participation(), "/appraisals/votes/" + v.id())).toList();
        Map<String, Long> states = new HashMap<>();
        raw.forEach(v -> states.merge(v.state().name(), 1L, Long::sum));
        return new Appraisals(campaigns, votes, states.getOrDefault("DRAFT", 0L), states.getOrDefault("OPEN", 0L),
                states.getOrDefault("CLOSED", 0L), raw.stream().filter(AppraisalStatus.Vote::published).count());
    }

    private Assessments assessments(Set<Long> subtree, int year) {
        List<AssessmentStatus.Period> raw = assessments.periods(subtree, year);
        return new Assessments(raw.stream().map(p -> new PeriodRow(p.id(), p.name(), msg(p.kind().messageKey()),
                msg(p.status().messageKey()), p.subjects(), p.sheets(), p.submitted(),
                "/assessments/periods/" + p.id())).toList(),
                raw.stream().filter(p -> p.status() == org.renda.assessment.AssessmentEnums.PeriodStatus.OPEN).count());
    }

    // ---- drill-down

    /** The records behind a figure; one of the lists is filled, by {@code kind}. */
    public record Records(Kind kind, List<CaseTrends.CaseLine> cases, List<DutyTrends.DutyLine> duties,
            List<ReceptionTrends.DayLine> days, Map<Long, String> orgNames, boolean truncated) {}

    public Records records(Kind kind, OrgView root, boolean self, int year, @Nullable Integer month,
            @Nullable String measure, @Nullable DutyType type, LocalDate today) {
        require();
        Set<Long> within = self ? Set.of(root.id()) : tree.subtreeIds(root.id());
        int limit = DRILL_LIMIT + 1;
        List<CaseTrends.CaseLine> c = List.of();
        List<DutyTrends.DutyLine> d = List.of();
        List<ReceptionTrends.DayLine> r = List.of();
        switch (kind) {
            case CASES -> c = cases.cases(within, year, month, measure == null ? CaseTrends.Measure.COLLECTED
                    : CaseTrends.Measure.valueOf(measure), today, limit);
            case DUTIES -> d = duties.records(within, year, month, type, limit);
            case RECEPTIONS -> r = receptions.days(within, year, month, measure == null
                    ? ReceptionTrends.Measure.PLANNED : ReceptionTrends.Measure.valueOf(measure), today, limit);
        }
        boolean truncated = c.size() > DRILL_LIMIT || d.size() > DRILL_LIMIT || r.size() > DRILL_LIMIT;
        c = c.subList(0, Math.min(c.size(), DRILL_LIMIT));
        d = d.subList(0, Math.min(d.size(), DRILL_LIMIT));
        r = r.subList(0, Math.min(r.size(), DRILL_LIMIT));
        List<Long> ids = new ArrayList<>();
        c.forEach(x -> ids.add(x.orgId()));
        d.forEach(x -> ids.add(x.orgId()));
        r.forEach(x -> ids.add(x.orgId()));
        Map<Long, String> names = new HashMap<>();
        tree.findAll(ids.stream().distinct().toList()).forEach(o -> names.put(o.id(), o.name()));
        return new Records(kind, c, d, r, names, truncated);
    }

    // ---- helpers

    /** Rolls organisations up to the root's direct children, or to the root itself ("本级"). */
    private final class Groups {
        private final OrgView root;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<Long, String> groupOf = new HashMap<>();

        Groups(OrgView root) {
            this.root = root;
            for (OrgView child : directory.children(root.id())) {
                if (child.active() && ALWAYS_SHOWN.contains(child.type())) {
                    labels.put(String.valueOf(child.id()), child.name());
                }
            }
        }

        /** Learns where these organisations sit (their lineage), before {@link #of} is asked. */
        void see(Collection<Long> orgIds) {
            List<Long> unknown = orgIds.stream().distinct().filter(id -> !groupOf.containsKey(id)).toList();
            if (unknown.isEmpty()) {
                return;
            }
            List<Long> childIds = new ArrayList<>();
            for (OrgView o : tree.findAll(unknown)) {
                long[] lineage = o.lineage();
                String group = SELF;
                for (int i = 0; i < lineage.length - 1; i++) {
                    if (lineage[i] == root.id()) {
                        group = String.valueOf(lineage[i + 1]);
                        childIds.add(lineage[i + 1]);
                    }
                }
                groupOf.put(o.id(), group);
            }
            tree.findAll(childIds.stream().distinct().filter(id -> !labels.containsKey(String.valueOf(id))).toList())
                    .forEach(c -> labels.put(String.valueOf(c.id()), c.name()));
        }

        String of(long orgId) {
            return groupOf.getOrDefault(orgId, SELF);
        }

        /** Every always-shown child with nothing counted yet, in tree order. */
        Map<String, long[]> empty(int width) {
            Map<String, long[]> out = new LinkedHashMap<>();
            labels.keySet().forEach(k -> out.put(k, new long[width]));
            return out;
        }

        String label(String group) {
            return group.equals(SELF) ? msg("dashboard.ownLevel", root.name()) : labels.getOrDefault(group, group);
        }

        /** The drill-down's organisation parameters of a group. */
        String query(String group) {
            return group.equals(SELF) ? "&org=" + root.id() + "&self=true" : "&org=" + group;
        }
    }

    private static Map<Integer, long[]> months(int width) {
        Map<Integer, long[]> out = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            out.put(m, new long[width]);
        }
        return out;
    }

    private static void add(long[] into, long[] v) {
        for (int i = 0; i < v.length; i++) {
            into[i] += v[i];
        }
    }

    private String monthLabel(int month) {
        Locale locale = LocaleContextHolder.getLocale();
        return Month.of(month).getDisplayName(TextStyle.SHORT, locale);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
