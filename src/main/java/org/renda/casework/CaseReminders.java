package org.renda.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.renda.calendar.DeadlineRule;
import org.renda.calendar.Deadlines;
import org.renda.calendar.WorkingCalendar;
import org.renda.identity.UserContacts;
import org.renda.notification.NotificationRequest;
import org.renda.notification.Notifier;
import org.renda.shared.Role;
import org.renda.shared.SystemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells handling units of a new assignment, reminds them before the due date, and escalates an overdue
 * case to the congress's chair and vice-chairs, in-app and by e-mail through the notification outbox.
 * Every message has a key (case, kind, due date), so running the check twice notifies nobody twice.
 */
@Component
class CaseReminders {

    private static final Logger log = LoggerFactory.getLogger(CaseReminders.class);

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final UserContacts contacts;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;

    private final TransactionTemplate transaction;

    CaseReminders(JdbcClient jdbc, Notifier notifier, UserContacts contacts, Deadlines deadlines,
            WorkingCalendar calendar, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.contacts = contacts;
        this.deadlines = deadlines;
        this.calendar = calendar;
    }

    /** Within the assigning transaction: the units' staff hear of the new case at once. */
    void assigned(long caseId, long orgId, String title, LocalDate due, Collection<Long> units, int round) {
        for (long unit : units) {
            for (UserContacts.Contact c : contacts.withRole(Role.HANDLING_UNIT, unit)) {
                notifier.notify(NotificationRequest.of(orgId, c.userId(), "case:" + caseId + ":assigned:" + round,
                        "新交办件：" + title, "请于 " + due + " 前答复。").withLink("/cases/" + caseId));
            }
        }
    }

    record Open(long id, long orgId, String title, String kind, boolean complex, String state, LocalDate due) {}

    /** The daily check (also callable from tests with any day). Returns how many notifications were new. */
    @Transactional
    public int check(LocalDate today) {
        List<Open> open = jdbc.sql("""
                select id, org_id, title, kind, complex, state, due_on from case_item
                where state in ('ASSIGNED', 'IN_PROGRESS', 'REHANDLING') and due_on is not null""")
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
                .list();
        int sent = 0;
        for (Open c : open) {
            List<Long> units = jdbc.sql("select unit_org_id from case_assignment where case_id = ? and ended_at is null")
                    .param(c.id()).query(Long.class).list();
            if (today.isAfter(c.due())) {
                for (UserContacts.Contact chair : contacts.withRole(Role.PRESIDING, c.orgId())) {
                    sent += notifier.notify(NotificationRequest.of(c.orgId(), chair.userId(),
                            "case:" + c.id() + ":overdue:" + c.due(), "超期未答复：" + c.title(),
                            "该件应于 " + c.due() + " 前答复，现已超期，请督办。").withLink("/cases/" + c.id()));
                }
                sent += toUnits(c, units, "overdue", "已超期：" + c.title(), "该件应于 " + c.due() + " 前答复，现已超期。");
            } else if (!today.isBefore(reminderDay(c))) {
                sent += toUnits(c, units, "reminder", "即将到期：" + c.title(), "请于 " + c.due() + " 前答复。");
            }
        }
        return sent;
    }

    private int toUnits(Open c, List<Long> units, String kind, String subject, String body) {
        int sent = 0;
        for (long unit : units) {
            for (UserContacts.Contact u : contacts.withRole(Role.HANDLING_UNIT, unit)) {
                sent += notifier.notify(NotificationRequest.of(c.orgId(), u.userId(),
                        "case:" + c.id() + ":" + kind + ":" + c.due(), subject, body).withLink("/cases/" + c.id()));
            }
        }
        return sent;
    }

    /** The rule's reminder: so many working days before the due date (5 when the rule names none). */
    private LocalDate reminderDay(Open c) {
        String code = c.state().equals("REHANDLING") ? "REHANDLE"
                : CaseDeadlines.code(CaseFlow.Clock.REPLY, CaseEnums.Kind.valueOf(c.kind()), c.complex());
        DeadlineRule rule = deadlines.rule(c.orgId(), code);
        int before = rule.reminderDaysBefore() > 0 ? rule.reminderDaysBefore() : 5;
        return calendar.plusWorkingDays(c.due(), -before);
    }

    @Scheduled(cron = "${renda.casework.reminder-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "case-reminders", lockAtLeastFor = "${renda.cluster.lock-at-least-for:PT30S}")
    public void daily() {
        // check() called from here is not proxied: its @Transactional would not apply (the notifications need one),
        // so the daily run opens the transaction itself. One transaction: a run killed midway leaves nothing.
        Integer n = SystemContext.call(() -> transaction.execute(s -> check(LocalDate.now())));
        log.info("Case reminders: {} new notifications", n);
    }

}
