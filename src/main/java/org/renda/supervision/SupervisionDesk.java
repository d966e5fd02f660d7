package org.renda.supervision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.RectificationSource;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.appraisal.Rectifications;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteScale;
import org.renda.appraisal.VoteViews.SubjectResult;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyRegister;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.renda.shared.excel.Xlsx;
import org.renda.shared.validation.YearNumber;
import org.renda.supervision.SupervisionEnums.ActivityKind;
import org.renda.supervision.SupervisionEnums.ActivityState;
import org.renda.supervision.SupervisionEnums.Speciality;
import org.renda.supervision.SupervisionEnums.SubjectKind;
import org.renda.supervision.SupervisionEnums.TopicSource;
import org.renda.supervision.SupervisionViews.SupervisionActivity;
import org.renda.supervision.SupervisionViews.SupervisionFigures;
import org.renda.supervision.SupervisionViews.SupervisionGroup;
import org.renda.supervision.SupervisionViews.SupervisionIndex;
import org.renda.supervision.SupervisionViews.GroupMember;
import org.renda.supervision.SupervisionViews.SupervisedSubjectDetail;
import org.renda.supervision.SupervisionViews.SupervisedSubjectLine;
import org.renda.supervision.SupervisionViews.SupervisedSubject;
import org.renda.supervision.SupervisionViews.TownTopics;
import org.renda.supervision.SupervisionViews.SupervisionVote;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The supervised subjects of a year (监督事项: key projects, livelihood matters, special topics, each with the unit
 * responsible and where the topic came from, 三议一评), the professional deputy group that follows each (一事一小组),
 * the findings raised to the shared rectification ledger, the year-end satisfaction vote, and the year's figures.
 */
@Service
@Transactional
@Validated
public class SupervisionDesk {

    static final String AUDIT_SUBJECT = "supervision_subject";
    static final String AUDIT_GROUP = "supervision_group";

    /** The organisations whose congress supervises: the governing levels, towns and streets. */
    static final Set<OrgType> CONGRESSES = EnumSet.of(OrgType.PROVINCE, OrgType.CITY, OrgType.COUNTY, OrgType.TOWN,
            OrgType.STREET);

    private final SupervisionStore store;
    private final SupervisionRhythm rhythm;
    private final Rectifications rectifications;
    private final VoteDesk votes;
    private final DeputyRegister deputies;
    private final OrgTree orgs;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    SupervisionDesk(SupervisionStore store, SupervisionRhythm rhythm, Rectifications rectifications, VoteDesk votes,
            DeputyRegister deputies, OrgTree orgs, CurrentActor currentActor, AuditTrail audit) {
        this.store = store;
        this.rhythm = rhythm;
        this.rectifications = rectifications;
        this.votes = votes;
        this.deputies = deputies;
        this.orgs = orgs;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    public record SubjectForm(@NotNull Long orgId, @NotNull @YearNumber Integer forYear, @NotNull SubjectKind kind,
            @NotBlank @Size(max = 200) String title, @Nullable Long responsibleOrgId, @NotNull TopicSource topicSource,
            @Nullable @Size(max = 2000) String description) {}

    public record SupervisionGroupForm(@NotNull Speciality speciality, @NotBlank @Size(max = 100) String name,
            @NotNull Long leaderDeputyId, @Nullable List<Long> deputyIds) {}

    public record FindingForm(@NotBlank @Size(max = 2000) String problem, @Nullable @Size(max = 2000) String commitment) {}

    // --- subjects

    public SupervisedSubject create(@Valid SubjectForm f) {
        currentActor.reach(Permission.SUPERVISION_WRITE).check(f.orgId());
        OrgView org = orgs.find(f.orgId()).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (!CONGRESSES.contains(org.type())) {
            throw DomainException.onField("orgId", "supervision.error.org");
        }
        if (f.responsibleOrgId() != null && unitChoices(org.id()).stream().noneMatch(u -> u.id() == f.responsibleOrgId())) {
            throw DomainException.onField("responsibleOrgId", "supervision.error.unit");
        }
        String title = f.title().strip();
        if (store.titleTaken(org.id(), f.forYear(), title)) {
            throw DomainException.onField("title", "supervision.error.titleTaken");
        }
        long id = store.insertSubject(org.id(), f.forYear(), f.kind(), title, f.responsibleOrgId(), f.topicSource(),
                blankToNull(f.description()));
        SupervisedSubject v = view(store.subject(id).orElseThrow());
        audit.record(org.id(), AUDIT_SUBJECT, id, "CREATED", null, Map.of("title", title, "year", f.forYear(),
                "kind", f.kind().name(), "responsible", v.responsibleName(), "source", f.topicSource().name()));
        return v;
    }

    /**
     * The units a congress's subject may be given to: the organisations under it (villages, its own offices) and
     * the departments and units of the governing level above it (a county bureau builds a town's road).
     */
    @Transactional(readOnly = true)
    public List<OrgView> unitChoices(long congressOrgId) {
        OrgView org = orgs.find(congressOrgId).orElseThrow(() -> new NotFoundException("error.notFound"));
        List<OrgView> out = new ArrayList<>();
        Long parent = org.parentId();
        if (parent != null) {
            orgs.findAll(orgs.subtreeIds(parent)).stream().filter(o -> parent.equals(o.parentId())
                    && (o.type() == OrgType.DEPARTMENT || o.type() == OrgType.UNIT)).forEach(out::add);
        }
        orgs.findAll(orgs.subtreeIds(org.id())).stream().filter(o -> o.id() != org.id()
                && !CONGRESSES.contains(o.type())).forEach(out::add);
        return out;
    }

    @Transactional(readOnly = true)
    public SupervisedSubject subject(long id) {
        return view(readable(id));
    }

    /**
     * The year's subjects of the organisations in reach with their groups and figures, and, when the reach holds
     * several towns (a county), the count of topics each town follows; the county's total is their sum.
     */
    @Transactional(readOnly = true)
    public SupervisionIndex index(int year) {
        Reach reach = currentActor.reach(Permission.SUPERVISION_READ);
        List<SupervisionStore.SubjectRow> rows = new ArrayList<>(store.subjects(reach, year));
        Set<Long> seen = new java.util.HashSet<>(rows.stream().map(SupervisionStore.SubjectRow::id).toList());
        myDeputyId().ifPresent(me -> store.subjectsOfMember(me, year).stream().filter(r -> seen.add(r.id()))
                .forEach(rows::add));
        return index(reach, year, rows);
    }

    /**
     * The year's subjects of an organisation's subtree (the annual report's topics figure links here); 404 for an
     * organisation outside the actor's SUPERVISION_READ reach. The subjects a deputy follows elsewhere are not
     * among them.
     */
    @Transactional(readOnly = true)
    public SupervisionIndex index(long orgId, int year) {
        Reach reach = subtree(orgId);
        return index(reach, year, store.subjects(reach, year));
    }

    /** The subjects' lines, and the topics per town of the reach when it holds two or more towns. */
    private SupervisionIndex index(Reach reach, int year, List<SupervisionStore.SubjectRow> rows) {
        Map<Long, Long> counts = store.countsByOrg(reach, year);
        List<TownTopics> towns = orgs.within(reach, EnumSet.of(OrgType.TOWN, OrgType.STREET)).stream()
                .sorted(java.util.Comparator.comparing(OrgView::path))
                .map(o -> new TownTopics(o.id(), o.name(), counts.getOrDefault(o.id(), 0L))).toList();
        if (towns.size() < 2) {
            towns = List.of();
        }
        long total = towns.stream().mapToLong(TownTopics::topics).sum();
        return new SupervisionIndex(year, lines(rows), towns, total,
                currentActor.require().canAny(Permission.SUPERVISION_WRITE));
    }

    /**
     * The activities of an organisation's subtree held (or, not held, planned) in the year, of a state and a kind
     * when given, latest first (the annual report's activities and inspections figures link here); 404 for an
     * organisation outside the actor's SUPERVISION_READ reach.
     */
    @Transactional(readOnly = true)
    public List<SupervisionViews.ActivityLine> activities(long orgId, int year, @Nullable ActivityState state,
            @Nullable ActivityKind kind) {
        List<SupervisionStore.ActivityRow> rows = store.activitiesIn(subtree(orgId), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), state, kind);
        Map<Long, String> titles = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (SupervisionStore.ActivityRow r : rows) {
            titles.computeIfAbsent(r.subjectId(), id -> store.subject(id).map(SupervisionStore.SubjectRow::title).orElse(""));
        }
        orgs.findAll(rows.stream().map(SupervisionStore.ActivityRow::orgId).distinct().toList())
                .forEach(o -> names.put(o.id(), o.name()));
        return rows.stream().map(r -> new SupervisionViews.ActivityLine(r.id(), r.orgId(),
                names.getOrDefault(r.orgId(), ""), r.subjectId(), titles.get(r.subjectId()), r.kind(), r.title(),
                r.plannedOn(), r.state(), r.heldOn())).toList();
    }

    /** The actor's SUPERVISION_READ reach narrowed to an organisation's subtree; 404 for a foreign organisation. */
    private Reach subtree(long orgId) {
        Reach reach = currentActor.reach(Permission.SUPERVISION_READ);
        reach.check(orgId);
        return reach.narrow(orgs.subtreeIds(orgId));
    }

    private List<SupervisedSubjectLine> lines(List<SupervisionStore.SubjectRow> rows) {
        List<Long> ids = rows.stream().map(SupervisionStore.SubjectRow::id).toList();
        Map<Long, String> groups = store.groupNames(ids);
        Map<Long, SupervisionFigures> figures = figures(ids);
        return rows.stream().map(r -> new SupervisedSubjectLine(view(r), groups.get(r.id()),
                figures.getOrDefault(r.id(), SupervisionFigures.NONE))).toList();
    }

    /** Per subject: activities planned, held, cancelled, suggestions, findings found, rectified and open. */
    private Map<Long, SupervisionFigures> figures(Collection<Long> subjectIds) {
        Map<Long, int[]> acts = store.activityFigures(subjectIds);
        Map<Long, int[]> found = rectifications.figures(RectificationSource.SUPERVISION, subjectIds);
        Map<Long, SupervisionFigures> out = new HashMap<>();
        for (long id : subjectIds) {
            int[] a = acts.getOrDefault(id, new int[4]);
            int[] f = found.getOrDefault(id, new int[2]);
            out.put(id, new SupervisionFigures(a[0], a[1], a[2], a[3], f[0], f[1], f[0] - f[1]));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public SupervisedSubjectDetail detail(long id) {
        SupervisionStore.SubjectRow s = readable(id);
        List<SupervisionActivity> activities = rhythm.activities(s);
        List<RectificationView> findings = rectifications.ofSources(RectificationSource.SUPERVISION, List.of(id));
        return new SupervisedSubjectDetail(view(s), group(s).orElse(null), activities, findings,
                figures(List.of(id)).get(id), outcome(s, activities),
                currentActor.require().can(Permission.SUPERVISION_WRITE, s.orgId()));
    }

    /** The year-end vote's result for this subject, as far as the reader may see the vote. */
    private @Nullable SupervisionVote outcome(SupervisionStore.SubjectRow s, List<SupervisionActivity> activities) {
        Optional<Long> voteId = activities.stream().filter(a -> a.voteId() != null).map(SupervisionActivity::voteId)
                .reduce((a, b) -> b);
        if (voteId.isEmpty()) {
            return null;
        }
        Actor actor = currentActor.require();
        VoteDetail d;
        try {
            d = votes.detail(voteId.get());
        } catch (NotFoundException notReadable) {
            return null; // a deputy reads supervision but not the vote's administration
        }
        boolean mayOpen = actor.can(Permission.APPRAISAL_READ, d.vote().orgId());
        if (d.results() == null) {
            return new SupervisionVote(d.vote().id(), d.vote().title(), false, d.vote().published(), d.vote().publicCode(),
                    null, 0, 0, false, mayOpen);
        }
        SubjectResult r = d.results().rows().stream().filter(x -> x.title().equals(s.title())).findFirst()
                .orElse(null);
        return new SupervisionVote(d.vote().id(), d.vote().title(), true, d.vote().published(), d.vote().publicCode(),
                r == null ? null : r.rate(), r == null ? 0 : r.valid(), r == null ? 0 : r.satisfied(),
                r != null && r.below(), mayOpen);
    }

    // --- the group (一事一小组)

    public SupervisionGroup saveGroup(long subjectId, @Valid SupervisionGroupForm f) {
        SupervisionStore.SubjectRow s = writable(subjectId);
        Set<Long> members = new LinkedHashSet<>();
        members.add(f.leaderDeputyId());
        if (f.deputyIds() != null) {
            members.addAll(f.deputyIds());
        }
        Reach deputyReach = currentActor.reach(Permission.DEPUTY_READ);
        var refs = deputies.refs(members);
        if (!refs.containsKey(f.leaderDeputyId()) || !deputyReach.covers(refs.get(f.leaderDeputyId()).orgId())) {
            throw DomainException.onField("leaderDeputyId", "supervision.error.deputy");
        }
        if (refs.size() != members.size() || refs.values().stream().anyMatch(r -> !deputyReach.covers(r.orgId()))) {
            throw DomainException.onField("deputyIds", "supervision.error.deputy");
        }
        String name = f.name().strip();
        Optional<SupervisionStore.GroupRow> before = store.group(subjectId);
        long id;
        if (before.isPresent()) {
            id = before.get().id();
            store.updateGroup(id, before.get().version(), f.speciality(), name, f.leaderDeputyId());
        } else {
            id = store.insertGroup(s.orgId(), subjectId, f.speciality(), name, f.leaderDeputyId());
        }
        List<Long> oldMembers = before.isPresent() ? store.members(id) : List.of();
        store.replaceMembers(id, s.orgId(), members);
        SupervisionGroup after = group(s).orElseThrow();
        audit.record(s.orgId(), AUDIT_GROUP, id, before.isPresent() ? "UPDATED" : "CREATED",
                before.map(b -> (Object) Map.of("name", b.name(), "members", names(oldMembers))).orElse(null),
                Map.of("subject", s.title(), "name", name, "speciality", f.speciality().name(), "leader",
                        after.leaderName(), "members", after.members().stream().map(GroupMember::name).toList()));
        return after;
    }

    Optional<SupervisionGroup> group(SupervisionStore.SubjectRow s) {
        return store.group(s.id()).map(g -> {
            List<Long> ids = store.members(g.id());
            var refs = deputies.refs(ids);
            List<GroupMember> members = ids.stream().map(d -> new GroupMember(d, refs.containsKey(d) ? refs.get(d).name() : ""))
                    .sorted(java.util.Comparator.comparing((GroupMember m) -> m.deputyId() != g.leaderDeputyId())
                            .thenComparing(GroupMember::name)).toList();
            return new SupervisionGroup(g.id(), g.subjectId(), g.speciality(), g.name(), g.leaderDeputyId(),
                    refs.containsKey(g.leaderDeputyId()) ? refs.get(g.leaderDeputyId()).name() : "", members,
                    g.version());
        });
    }

    private List<String> names(Collection<Long> deputyIds) {
        return deputies.refs(deputyIds).values().stream().map(DeputyRegister.DeputyRef::name).toList();
    }

    // --- findings → the shared rectification ledger

    /** A problem found at the subject (by an inspection, a briefing...), for its responsible unit to rectify. */
    public RectificationView raiseFinding(long subjectId, @Valid FindingForm f) {
        SupervisionStore.SubjectRow s = writable(subjectId);
        return rectifications.raiseFinding(new Rectifications.Finding(s.orgId(), RectificationSource.SUPERVISION,
                s.id(), s.title(), s.forYear(), s.responsibleOrgId(), f.problem(), f.commitment(), LocalDate.now()));
    }

    /** Every supervision finding the actor sees: their congresses' and, for a unit, its own. */
    @Transactional(readOnly = true)
    public List<RectificationView> findings() {
        return rectifications.ofSourceKind(RectificationSource.SUPERVISION);
    }

    // --- the year-end satisfaction vote (一年一审议)

    /**
     * Opens the secret satisfaction vote of a year-end review: one vote for the meeting, its subjects the
     * congress's subjects of the year that have a year-end review planned or held, linked to each of those
     * reviews. The vote is then run on the appraisal vote pages (roll, codes, paper, close).
     */
    public VoteSummary startYearEndVote(long activityId) {
        SupervisionActivity a = rhythm.get(activityId);
        SupervisionStore.SubjectRow s = writable(a.subjectId());
        if (a.kind() != ActivityKind.YEAR_END_REVIEW || a.state() == ActivityState.CANCELLED) {
            throw new DomainException("supervision.error.notReview");
        }
        if (a.voteId() != null) {
            throw new DomainException("supervision.error.voteExists");
        }
        List<SupervisionStore.SubjectRow> same = store.subjects(currentActor.reach(Permission.SUPERVISION_WRITE)
                .narrow(List.of(s.orgId())), s.forYear());
        List<SupervisionActivity> reviews = new ArrayList<>();
        for (SupervisionStore.SubjectRow other : same) {
            rhythm.activities(other).stream().filter(x -> x.kind() == ActivityKind.YEAR_END_REVIEW
                    && x.state() != ActivityState.CANCELLED && x.voteId() == null).forEach(reviews::add);
        }
        Map<Long, String> titles = new HashMap<>();
        same.forEach(x -> titles.put(x.id(), x.title()));
        List<String> subjects = reviews.stream().map(r -> titles.get(r.subjectId())).distinct().toList();
        VoteSummary vote = votes.create(new VoteDesk.NewVote(s.orgId(), s.forYear() + "年度重点项目满意度测评",
                VoteScale.FOUR_LEVEL, VoteScale.RateRule.SATISFIED_SHARE, new BigDecimal("0.7"), subjects));
        for (SupervisionActivity r : reviews) {
            rhythm.linkVote(r.id(), vote.id());
        }
        audit.record(s.orgId(), SupervisionRhythm.AUDIT_ACTIVITY, a.id(), "VOTE_LINKED", null,
                Map.of("vote", vote.title(), "subjects", subjects));
        return vote;
    }

    // --- the year's export

    @Transactional(readOnly = true)
    public byte[] export(int year) {
        List<List<?>> rows = new ArrayList<>();
        for (SupervisedSubjectLine l : index(year).subjects()) {
            SupervisedSubject s = l.subject();
            SupervisionFigures f = l.figures();
            rows.add(List.of(s.orgName(), kindLabel(s.kind()), s.title(), s.responsibleName(), sourceLabel(s.topicSource()),
                    l.groupName() == null ? "" : l.groupName(), f.planned(), f.held(), f.cancelled(), f.suggestions(),
                    f.found(), f.rectified(), f.open()));
        }
        return Xlsx.write(year + "年监督事项", List.of("人大", "类别", "监督事项", "责任单位", "议题来源", "专业代表小组",
                "计划活动", "已开展", "已取消", "意见建议", "发现问题", "已整改", "未整改"), rows);
    }

    static String kindLabel(SubjectKind k) {
        return switch (k) {
            case KEY_PROJECT -> "重点项目";
            case LIVELIHOOD -> "民生实事";
            case SPECIAL_TOPIC -> "专题";
        };
    }

    static String sourceLabel(TopicSource t) {
        return switch (t) {
            case WORK_REPORT -> "政府工作报告";
            case KEY_PROJECT -> "重点项目";
            case KEY_SUGGESTION -> "重点议案建议";
            case OTHER -> "其他";
        };
    }

    // --- scope

    /**
     * A subject the actor may read: within their SUPERVISION_READ reach, or followed by a group they are a member
     * of (a village's deputy in the town's project group). Anything else answers 404.
     */
    SupervisionStore.SubjectRow readable(long id) {
        Optional<SupervisionStore.SubjectRow> row = store.subject(id);
        if (row.isPresent() && !currentActor.reach(Permission.SUPERVISION_READ).covers(row.get().orgId())
                && currentActor.require().canAny(Permission.SUPERVISION_READ)
                && myDeputyId().filter(me -> store.isMember(id, me)).isPresent()) {
            return row.get();
        }
        return currentActor.reach(Permission.SUPERVISION_READ).guard(row, SupervisionStore.SubjectRow::orgId);
    }

    private Optional<Long> myDeputyId() {
        return currentActor.require().hasRole(org.renda.shared.Role.DEPUTY)
                ? deputies.mine().map(d -> d.id()) : Optional.empty();
    }

    SupervisionStore.SubjectRow writable(long id) {
        return currentActor.reach(Permission.SUPERVISION_WRITE).guard(store.subject(id), SupervisionStore.SubjectRow::orgId);
    }

    private SupervisedSubject view(SupervisionStore.SubjectRow r) {
        String orgName = orgs.find(r.orgId()).map(OrgView::name).orElse("");
        String unit = r.responsibleOrgId() == null ? "" : orgs.find(r.responsibleOrgId()).map(OrgView::name).orElse("");
        return new SupervisedSubject(r.id(), r.orgId(), orgName, r.forYear(), r.kind(), r.title(), r.responsibleOrgId(), unit,
                r.topicSource(), r.description(), r.version());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
