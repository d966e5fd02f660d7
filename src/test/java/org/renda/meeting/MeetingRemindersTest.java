package org.renda.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.renda.identity.Logins;
import org.renda.meeting.MeetingDesk.AgendaForm;
import org.renda.meeting.MeetingDesk.MeetingForm;
import org.renda.meeting.MeetingEnums.MeetingKind;
import org.renda.meeting.MeetingEnums.MeetingState;
import org.renda.meeting.MeetingEnums.Response;
import org.renda.org.OrgTree;
import org.renda.shared.SystemContext;
import org.renda.support.RendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The morning job reminds each invited deputy of a meeting three days ahead, exactly once per meeting and deputy,
 * however often it runs; a deputy on leave is not reminded, nor is anyone of a meeting further off.
 */
@RendaIntegrationTest
class MeetingRemindersTest {

    @Autowired MeetingDesk desk;
    @Autowired OrgTree orgs;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;

    private long forum(LocalDate on, String title) {
        return Logins.call(accounts, "anlan.staff", () -> {
            long town = orgs.findByCode("QH-AL").orElseThrow().id();
            long id = desk.create(new MeetingForm(town, MeetingKind.FORUM, title, null, null, on, null,
                    LocalTime.of(14, 30), "东湖村党群服务中心")).id();
            desk.addAgenda(id, new AgendaForm("代表微讲堂", null, null, null));
            // 赵大山 (deputy.zhao) and 李春华 (deputy.li), the two deputies with accounts
            var invitable = desk.invitable(id).stream()
                    .filter(d -> d.name().equals("赵大山") || d.name().equals("李春华")).map(d -> d.id()).toList();
            desk.invite(id, invitable);
            desk.advance(id, MeetingState.NOTIFIED);
            return id;
        });
    }

    private long reminders(long meetingId) {
        return jdbc.sql("select count(*) from notification where dedupe_key like ? and channel = 'IN_APP'")
                .param("meeting:" + meetingId + ":reminder:%").query(Long.class).single();
    }

    @Test
    void eachInvitedDeputyIsRemindedOnceThreeDaysAhead() {
        LocalDate today = LocalDate.now();
        long soon = forum(today.plusDays(3), "头雁论坛（提醒测试）");
        long later = forum(today.plusDays(4), "头雁论坛（稍后）");

        SystemContext.call(() -> desk.remind(today));
        SystemContext.call(() -> desk.remind(today));
        SystemContext.call(() -> desk.remind(today.plusDays(1)));

        assertThat(reminders(soon)).as("two deputies, once each").isEqualTo(2);
        assertThat(reminders(later)).as("four days ahead: not yet, then once").isEqualTo(2);
        String body = jdbc.sql("select body from notification where dedupe_key like ? and channel = 'IN_APP'"
                + " order by id fetch first 1 rows only").param("meeting:" + soon + ":reminder:%")
                .query(String.class).single();
        assertThat(body).contains("头雁论坛（提醒测试）", "东湖村党群服务中心");
    }

    @Test
    void aDeputyOnLeaveIsNotReminded() {
        LocalDate today = LocalDate.now();
        long id = forum(today.plusDays(2), "头雁论坛（请假）");
        Logins.run(accounts, "deputy.li", () -> desk.respond(id, Response.LEAVE, "外出学习"));
        SystemContext.call(() -> desk.remind(today));
        assertThat(reminders(id)).as("赵大山 only").isEqualTo(1);
    }
}
