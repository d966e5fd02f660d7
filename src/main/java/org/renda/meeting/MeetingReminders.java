package org.renda.meeting;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.renda.shared.SystemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every morning: invited deputies hear of their coming meetings, each once per meeting. */
@Component
class MeetingReminders {

    private static final Logger log = LoggerFactory.getLogger(MeetingReminders.class);

    private final MeetingDesk desk;

    MeetingReminders(MeetingDesk desk) {
        this.desk = desk;
    }

    @Scheduled(cron = "${renda.meeting.reminder-cron:0 5 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "meeting-reminders", lockAtLeastFor = "${renda.cluster.lock-at-least-for:PT30S}")
    public void daily() {
        int sent = SystemContext.call(() -> desk.remind(LocalDate.now()));
        log.info("Meeting reminders: {}", sent);
    }
}
