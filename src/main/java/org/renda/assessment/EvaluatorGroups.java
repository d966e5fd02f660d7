package org.renda.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.renda.assessment.AssessmentDesk.GroupForm;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentViews.GroupView;
import org.renda.assessment.AssessmentViews.Progress;
import org.renda.assessment.AssessmentViews.SheetSummary;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.engine.Method;
import org.renda.assessment.engine.Scheme;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.audit.AuditTrail;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.identity.UserContacts;
import org.renda.notification.NotificationRequest;
import org.renda.notification.Notifier;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The evaluator groups of a period with their sheets, the declared conflicts of interest, and scoring progress. */
@Service
@Transactional
class EvaluatorGroups {

    private final PeriodAccess access;
    private final AssessmentStore store;
    private final SheetStore sheets;
    private final DeputyRegister deputies;
    private final UserContacts users;
    private final AuditTrail audit;
    private final Notifier notifier;

    EvaluatorGroups(PeriodAccess access, AssessmentStore store, SheetStore sheets, DeputyRegister deputies,
            UserContacts users, AuditTrail audit, Notifier notifier) {
        this.access = access;
        this.store = store;
        this.sheets = sheets;
        this.deputies = deputies;
        this.users = users;
        this.audit = audit;
        this.notifier = notifier;
    }

    long createGroup(long periodId, GroupForm form) {
        PeriodRow p = access.writable(periodId);
        PeriodAccess.requireOpen(p);
        Scheme scheme = access.scheme(p).definition();
        if (form.name().isBlank() || form.name().length() > 200) {
            throw DomainException.onField("name", "assessment.scheme.error.name");
        }
        if (form.indicators().isEmpty()) {
            throw DomainException.onField("indicators", "assessment.group.error.empty");
        }
        if (form.subjectIds().isEmpty()) {
            throw DomainException.onField("subjectIds", "assessment.group.error.empty");
        }
        for (String code : form.indicators()) {
            Indicator i = scheme.indicator(code);
            if (i == null || i.method() != Method.ENTERED) {
                throw DomainException.onField("indicators", "assessment.group.error.indicator", code);
            }
        }
        Set<Long> subjectIds = new HashSet<>();
        store.subjects(periodId).forEach(s -> subjectIds.add(s.id()));
        if (!subjectIds.containsAll(form.subjectIds())) {
            throw new NotFoundException("error.notFound");
        }
        String leaderName = null;
        Long leaderUser = null;
        if (form.leaderDeputyId() != null) {
            DeputyProfile leader = deputies.profile(form.leaderDeputyId());
            leaderName = leader.name();
            leaderUser = leader.userId();
        } else if (form.leaderUserId() != null) {
            leaderUser = form.leaderUserId();
            leaderName = users.find(leaderUser).orElseThrow(() -> new NotFoundException("error.notFound")).displayName();
        }
        long id = sheets.insertGroup(p.orgId(), periodId, form.name().strip(), form.leaderDeputyId(), leaderName,
                form.indicators());
        Set<Long> added = new HashSet<>();
        if (leaderUser != null) {
            sheets.addMember(id, p.orgId(), leaderUser, leaderName, true);
            added.add(leaderUser);
        }
        for (long userId : form.memberUserIds()) {
            if (added.add(userId)) {
                var contact = users.find(userId).orElseThrow(() -> new NotFoundException("error.notFound"));
                sheets.addMember(id, p.orgId(), userId, contact.displayName(), false);
            }
        }
        for (long subjectId : form.subjectIds()) {
            sheets.insertSheet(p.orgId(), periodId, id, subjectId);
        }
        for (long member : added) {
            notifier.notify(NotificationRequest.of(p.orgId(), member, "assessment:group:" + id + ":member:" + member,
                    "考核评分任务：" + form.name().strip(), "您已列入“" + p.name() + "”的" + form.name().strip() + "，共 "
                            + form.subjectIds().size() + " 个考核对象待评分。").withLink("/assessments"));
        }
        audit.record(p.orgId(), AssessmentDesk.AUDIT_PERIOD, periodId, "GROUP_CREATED", null, Map.of("period",
                p.name(), "group", form.name().strip(), "leader", leaderName == null ? "" : leaderName, "indicators",
                form.indicators(), "subjects", form.subjectIds().size(), "members", added.size()));
        return id;
    }

    @Transactional(readOnly = true)
    List<GroupView> groups(long periodId) {
        access.readable(periodId);
        List<SheetSummary> all = sheets.sheetsOfPeriod(periodId);
        return sheets.groups(periodId).stream().map(g -> new GroupView(g.id(), g.periodId(), g.name(),
                g.leaderDeputyId(), g.leaderName(), g.indicators(), sheets.members(g.id()),
                all.stream().filter(s -> s.groupId() == g.id()).map(SheetSummary::subjectId).toList())).toList();
    }

    void declareConflict(long subjectId, long userId, String reason) {
        SubjectView s = access.subject(subjectId);
        PeriodRow p = access.periodOf(subjectId, org.renda.shared.Permission.ASSESSMENT_WRITE);
        if (reason.isBlank()) {
            throw DomainException.onField("reason", "assessment.error.reasonRequired");
        }
        var user = users.find(userId).orElseThrow(() -> new NotFoundException("error.notFound"));
        sheets.insertConflict(p.orgId(), p.id(), userId, subjectId, reason.strip());
        audit.record(p.orgId(), AssessmentDesk.AUDIT_PERIOD, p.id(), "CONFLICT_DECLARED", null, Map.of("period",
                p.name(), "subject", s.name(), "userId", userId, "user", user.displayName(), "reason", reason.strip()));
    }

    @Transactional(readOnly = true)
    List<SheetSummary> sheets(long periodId) {
        access.readable(periodId);
        return sheets.sheetsOfPeriod(periodId);
    }

    @Transactional(readOnly = true)
    List<Progress> progress(long periodId) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (SheetSummary s : sheets(periodId)) {
            int[] c = counts.computeIfAbsent(s.groupId(), k -> new int[2]);
            c[0]++;
            if (s.status() == AssessmentEnums.SheetStatus.SUBMITTED) {
                c[1]++;
            }
            names.put(s.groupId(), s.groupName());
        }
        List<Progress> out = new ArrayList<>();
        counts.forEach((g, c) -> out.add(new Progress(g, names.get(g), c[0], c[1])));
        return out;
    }
}
