package org.renda.appraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.RectificationSource;
import org.renda.appraisal.AppraisalEnums.RectificationState;
import org.renda.appraisal.AppraisalViews.RectificationView;
import org.renda.appraisal.AppraisalViews.SubjectLine;
import org.renda.audit.AuditTrail;
import org.renda.calendar.Deadlines;
import org.renda.identity.UserContacts;
import org.renda.notification.NotificationRequest;
import org.renda.notification.Notifier;
import org.renda.shared.Actor;
import org.renda.shared.CurrentActor;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Role;
import org.renda.shared.excel.Xlsx;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.renda.shared.Texts;

/**
 * The rectification ledger (整改台账): per unit, each problem raised, the unit's commitment, the written report
 * due within three months (deadline code {@code RECTIFICATION_REPORT} on the congress's working calendar),
 * follow-up checks by the linked committee, acceptance, and an interview (约谈) when it lags. Items not
 * accepted by the next year's campaign are carried into it.
 */
@Service
@Transactional
public class Rectifications {

    static final String AUDIT_TYPE = "rectification";
    static final String DEADLINE_CODE = "RECTIFICATION_REPORT";

    private final AppraisalStore store;
    private final AppraisalDesk desk;
    private final Deadlines deadlines;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final UserContacts contacts;
    private final org.renda.org.OrgTree orgs;

    Rectifications(AppraisalStore store, AppraisalDesk desk, Deadlines deadlines, CurrentActor currentActor,
            AuditTrail audit, Notifier notifier, UserContacts contacts, org.renda.org.OrgTree orgs) {
        this.orgs = orgs;
        this.notifier = notifier;
        this.contacts = contacts;
        this.store = store;
        this.desk = desk;
        this.deadlines = deadlines;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** A problem raised by staff (from the group's report or the meeting). */
    public RectificationView raise(long subjectId, String problem, @Nullable String commitment) {
        SubjectLine s = store.subject(subjectId).orElseThrow(() -> new NotFoundException("error.notFound"));
        desk.writable(s.campaignId());
        return open(s, problem, commitment, LocalDate.now(), null);
    }

    /**
     * A finding of another capability, raised to the same ledger: a problem a supervision activity found at a
     * project, for its responsible unit, due like every item (deadline {@code RECTIFICATION_REPORT}). The unit
     * answers it as it answers an appraisal item; the source's staff accept it.
     */
    public record Finding(long orgId, RectificationSource source, long sourceId, String sourceTitle, int forYear,
            @Nullable Long unitOrgId, String problem, @Nullable String commitment, LocalDate raisedOn) {}

    public RectificationView raiseFinding(Finding f) {
        if (f.source() == RectificationSource.APPRAISAL) {
            throw new IllegalArgumentException("appraisal items are raised on their subject");
        }
        currentActor.require().require(writePermission(f.source()), f.orgId());
        if (f.problem() == null || f.problem().isBlank() || f.problem().length() > 2000) {
            throw DomainException.onField("problem", "rectification.error.problem");
        }
        LocalDate due = deadlines.dueDate(f.orgId(), DEADLINE_CODE, f.raisedOn());
        long id = store.insertSourcedRectification(f.orgId(), f.source().name(), f.sourceId(), f.sourceTitle(),
                f.forYear(), f.unitOrgId(), f.problem().strip(), Texts.blankToNull(f.commitment()), due);
        audit.record(f.orgId(), AUDIT_TYPE, id, "RAISED", null, Map.of("source", f.source().name(),
                "subject", f.sourceTitle(), "problem", f.problem().strip(), "due", due.toString()));
        tellUnit(f.orgId(), f.unitOrgId(), f.sourceTitle(), id, due, f.problem().strip(),
                "/supervision/rectifications#rect-" + id);
        return store.rectification(id).orElseThrow();
    }

    /**
     * The items these sources found, as far as the actor may read them (the source's staff and readers, and each
     * unit its own items).
     */
    @Transactional(readOnly = true)
    public List<RectificationView> ofSources(RectificationSource source, java.util.Collection<Long> sourceIds) {
        Actor a = currentActor.require();
        return store.ofSources(source.name(), sourceIds).stream().filter(r -> readableBy(a, r)).toList();
    }

    /**
     * The items of a source kind the actor sees: those of the congresses in their read reach and those of the
     * units they answer for, soonest due first.
     */
    @Transactional(readOnly = true)
    public List<RectificationView> ofSourceKind(RectificationSource source) {
        Map<Long, RectificationView> out = new java.util.LinkedHashMap<>();
        store.ofSourceKind(source.name(), currentActor.reach(readPermission(source)), "org_id")
                .forEach(r -> out.put(r.id(), r));
        store.ofSourceKind(source.name(), currentActor.reach(Permission.APPRAISAL_RESPOND), "subject_org_id")
                .forEach(r -> out.putIfAbsent(r.id(), r));
        return out.values().stream().sorted(java.util.Comparator.comparing(RectificationView::dueOn)
                .thenComparing(RectificationView::id)).toList();
    }

    /**
     * The rectification ledger of an organisation's subtree for a year — every finding of appraisals and of
     * supervision whose year (its own, or its campaign's) is the year, in a state when given — soonest due first:
     * the annual report's findings and rectified figures link to it. 404 for an organisation outside the actor's
     * APPRAISAL_READ reach (the reach those figures are counted in).
     */
    @Transactional(readOnly = true)
    public List<RectificationView> ofYear(long orgId, int year, @Nullable RectificationState state) {
        org.renda.shared.Reach reach = currentActor.reach(Permission.APPRAISAL_READ);
        reach.check(orgId); // a foreign organisation: 404
        return store.ofYear(reach.narrow(orgs.subtreeIds(orgId)), year, state == null ? null : state.name());
    }

    /**
     * How many items each source raised and how many are accepted ({found, rectified}): counts only, for a caller
     * that has already guarded the sources (a deputy of the project's group sees its figures).
     */
    @Transactional(readOnly = true)
    public Map<Long, int[]> figures(RectificationSource source, java.util.Collection<Long> sourceIds) {
        Map<Long, int[]> out = new HashMap<>();
        for (RectificationView r : store.ofSources(source.name(), sourceIds)) {
            int[] f = out.computeIfAbsent(r.sourceId(), k -> new int[2]);
            f[0]++;
            if (r.state() == RectificationState.ACCEPTED) {
                f[1]++;
            }
        }
        return out;
    }

    private static Permission readPermission(RectificationSource source) {
        return source == RectificationSource.SUPERVISION ? Permission.SUPERVISION_READ : Permission.APPRAISAL_READ;
    }

    private static Permission writePermission(RectificationSource source) {
        return source == RectificationSource.SUPERVISION ? Permission.SUPERVISION_WRITE : Permission.APPRAISAL_WRITE;
    }

    private static boolean readableBy(Actor a, RectificationView r) {
        return a.can(readPermission(r.source()), r.orgId())
                || r.subjectOrgId() != null && a.can(Permission.APPRAISAL_RESPOND, r.subjectOrgId());
    }

    /** Opened by the close of a vote for a unit below the threshold (inside the close's transaction). */
    RectificationView openFromVote(long appraisalSubjectId, String problem, LocalDate closedOn) {
        SubjectLine s = store.subject(appraisalSubjectId).orElseThrow();
        return open(s, problem, null, closedOn, null);
    }

    private RectificationView open(SubjectLine s, String problem, @Nullable String commitment, LocalDate start,
            @Nullable Long carriedFrom) {
        if (problem == null || problem.isBlank() || problem.length() > 2000) {
            throw new DomainException("rectification.error.problem");
        }
        LocalDate due = deadlines.dueDate(s.orgId(), DEADLINE_CODE, start);
        long id = store.insertRectification(s.orgId(), s.campaignId(), s.id(), s.subjectOrgId(), problem.strip(),
                Texts.blankToNull(commitment), due, carriedFrom);
        audit.record(s.orgId(), AUDIT_TYPE, id, "RAISED", null,
                Map.of("subject", s.title(), "problem", problem.strip(), "due", due.toString()));
        tellUnit(s, id, due, problem.strip());
        return store.rectification(id).orElseThrow();
    }

    /** The unit's own staff hear of the item at once (in this transaction, through the outbox). */
    private void tellUnit(SubjectLine s, long id, LocalDate due, String problem) {
        tellUnit(s.orgId(), s.subjectOrgId(), s.title(), id, due, problem, "/appraisals/subjects/" + s.id() + "#rect-" + id);
    }

    private void tellUnit(long orgId, @Nullable Long unitOrgId, String title, long id, LocalDate due, String problem,
            String link) {
        if (unitOrgId == null) {
            return;
        }
        for (UserContacts.Contact c : contacts.withRole(Role.HANDLING_UNIT, unitOrgId)) {
            notifier.notify(NotificationRequest.of(orgId, c.userId(), "rectification:" + id + ":raised",
                    "整改事项：" + title, problem + "\n请于 " + due + " 前向人大书面报告整改情况。")
                    .withLink(link));
        }
    }

    /** Carries the open items (not yet accepted) of earlier years into this campaign, for its units (idempotent). */
    public int carryOver(long campaignId) {
        AppraisalStore.Campaign c = desk.writable(campaignId);
        List<SubjectLine> subjects = store.subjects(campaignId);
        Map<Long, SubjectLine> byUnit = new HashMap<>();
        subjects.stream().filter(s -> s.subjectOrgId() != null).forEach(s -> byUnit.put(s.subjectOrgId(), s));
        int n = 0;
        for (RectificationView old : store.openBefore(c.orgId(), c.forYear(), byUnit.keySet())) {
            SubjectLine s = byUnit.get(old.subjectOrgId());
            long id = store.insertRectification(c.orgId(), campaignId, s.id(), s.subjectOrgId(),
                    "（" + old.forYear() + "年度未完成整改）" + old.problem(), old.commitment(),
                    deadlines.dueDate(c.orgId(), DEADLINE_CODE, LocalDate.now()), old.id());
            audit.record(c.orgId(), AUDIT_TYPE, id, "CARRIED", null, Map.of("from", old.id(), "subject", s.title()));
            tellUnit(s, id, deadlines.dueDate(c.orgId(), DEADLINE_CODE, LocalDate.now()), old.problem());
            n++;
        }
        return n;
    }

    @Transactional(readOnly = true)
    public List<RectificationView> ledger(long campaignId) {
        Actor a = currentActor.require();
        AppraisalStore.Campaign c = store.campaign(campaignId).orElseThrow(() -> new NotFoundException("error.notFound"));
        List<RectificationView> all = store.ledger(campaignId);
        if (a.can(Permission.APPRAISAL_READ, c.orgId())) {
            return all;
        }
        List<RectificationView> own = all.stream().filter(r -> r.subjectOrgId() != null
                && a.can(Permission.APPRAISAL_RESPOND, r.subjectOrgId())).toList();
        if (own.isEmpty()) {
            throw new NotFoundException("error.notFound");
        }
        return own;
    }

    @Transactional(readOnly = true)
    public RectificationView get(long id) {
        RectificationView r = store.rectification(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (r.source() != RectificationSource.APPRAISAL || r.subjectId() == null) {
            if (!readableBy(currentActor.require(), r)) {
                throw new NotFoundException("error.notFound");
            }
            return r;
        }
        desk.readable(r.subjectId());
        return r;
    }

    /** The unit states its commitment (整改承诺). */
    public void commit(long id, int version, String commitment) {
        RectificationView r = respondable(id);
        if (commitment == null || commitment.isBlank() || commitment.length() > 2000) {
            throw new DomainException("rectification.error.text");
        }
        change(r, version, commitment.strip(), r.state(), r.report(), r.reportedOn(), r.acceptedOn(), r.acceptance(),
                r.interviewedOn(), r.interviewNote(), "COMMITTED");
    }

    /** The unit's written report (书面报告), due within three months. */
    public void report(long id, int version, String report) {
        RectificationView r = respondable(id);
        if (r.state() == RectificationState.ACCEPTED) {
            throw new DomainException("rectification.error.state");
        }
        if (report == null || report.isBlank() || report.length() > 4000) {
            throw new DomainException("rectification.error.text");
        }
        change(r, version, r.commitment(), RectificationState.REPORTED, report.strip(), LocalDate.now(), null, null,
                r.interviewedOn(), r.interviewNote(), "REPORTED");
    }

    /** A follow-up check by the linked committee (跟踪检查). */
    public void check(long id, LocalDate on, String committee, String finding) {
        RectificationView r = staffWritable(id);
        if (committee == null || committee.isBlank() || finding == null || finding.isBlank()
                || committee.length() > 100 || finding.length() > 2000) {
            throw new DomainException("rectification.error.text");
        }
        store.insertCheck(id, r.orgId(), on, committee.strip(), finding.strip());
        audit.record(r.orgId(), AUDIT_TYPE, id, "CHECKED", null,
                Map.of("on", on.toString(), "committee", committee.strip(), "finding", finding.strip()));
    }

    /** Acceptance (验收) after the written report. */
    public void accept(long id, int version, String note) {
        RectificationView r = staffWritable(id);
        if (r.state() != RectificationState.REPORTED) {
            throw new DomainException("rectification.error.notReported");
        }
        change(r, version, r.commitment(), RectificationState.ACCEPTED, r.report(), r.reportedOn(), LocalDate.now(),
                Texts.blankToNull(note), r.interviewedOn(), r.interviewNote(), "ACCEPTED");
    }

    /** An interview (约谈) of the unit's head, when the rectification lags. */
    public void interview(long id, int version, LocalDate on, String note) {
        RectificationView r = staffWritable(id);
        if (!r.lagging(LocalDate.now())) {
            throw new DomainException("rectification.error.notLagging");
        }
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new DomainException("rectification.error.text");
        }
        change(r, version, r.commitment(), r.state(), r.report(), r.reportedOn(), r.acceptedOn(), r.acceptance(), on,
                note.strip(), "INTERVIEWED");
    }

    @Transactional(readOnly = true)
    public byte[] export(long campaignId) {
        LocalDate today = LocalDate.now();
        List<List<?>> rows = new ArrayList<>();
        for (RectificationView r : ledger(campaignId)) {
            rows.add(List.of(r.subjectTitle(), r.problem(), nz(r.commitment()), r.dueOn().toString(),
                    stateLabel(r, today), r.reportedOn() == null ? "" : r.reportedOn().toString(),
                    String.join("；", r.checks().stream().map(c -> c.checkedOn() + " " + c.committee() + "：" + c.finding())
                            .toList()),
                    r.acceptedOn() == null ? "" : r.acceptedOn().toString(),
                    r.interviewedOn() == null ? "" : r.interviewedOn() + " " + nz(r.interviewNote()),
                    r.carried() ? "是" : ""));
        }
        return Xlsx.write("整改台账", List.of("被评议单位", "存在问题", "整改承诺", "书面报告期限", "状态", "报告日期", "跟踪检查",
                "验收日期", "约谈", "上年结转"), rows);
    }

    static String stateLabel(RectificationView r, LocalDate today) {
        if (r.lagging(today)) {
            return "整改滞后";
        }
        return switch (r.state()) {
            case OPEN -> "整改中";
            case REPORTED -> "已书面报告";
            case ACCEPTED -> "已验收";
        };
    }

    private void change(RectificationView r, int version, @Nullable String commitment, RectificationState state,
            @Nullable String report, @Nullable LocalDate reportedOn, @Nullable LocalDate acceptedOn,
            @Nullable String acceptance, @Nullable LocalDate interviewedOn, @Nullable String interviewNote,
            String action) {
        if (store.updateRectification(r.id(), version, commitment, state, report, reportedOn, acceptedOn, acceptance,
                interviewedOn, interviewNote) != 1) {
            throw new DomainException("error.concurrentEdit");
        }
        audit.record(r.orgId(), AUDIT_TYPE, r.id(), action, Map.of("state", r.state().name()),
                Map.of("state", state.name(), "commitment", nz(commitment), "report", nz(report),
                        "interview", nz(interviewNote)));
    }

    private RectificationView respondable(long id) {
        Actor a = currentActor.require();
        RectificationView r = store.rectification(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        if (r.subjectOrgId() != null && a.reach(Permission.APPRAISAL_RESPOND).covers(r.subjectOrgId())) {
            return r;
        }
        return a.reach(writePermission(r.source())).check(r, RectificationView::orgId);
    }

    private RectificationView staffWritable(long id) {
        RectificationView r = store.rectification(id).orElseThrow(() -> new NotFoundException("error.notFound"));
        return currentActor.reach(writePermission(r.source())).guard(java.util.Optional.of(r), RectificationView::orgId);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
