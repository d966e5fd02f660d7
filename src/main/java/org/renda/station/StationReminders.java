package org.renda.station;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.renda.shared.SystemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every morning: deputies hear of their coming reception days and station meetings, each once. */
@Component
class StationReminders {

    private static final Logger log = LoggerFactory.getLogger(StationReminders.class);

    private final ReceptionRoster roster;
    private final StationRhythm rhythm;

    StationReminders(ReceptionRoster roster, StationRhythm rhythm) {
        this.roster = roster;
        this.rhythm = rhythm;
    }

    @Scheduled(cron = "${renda.station.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "station-reminders", lockAtLeastFor = "${renda.cluster.lock-at-least-for:PT30S}")
    public void daily() {
        LocalDate today = LocalDate.now();
        int days = SystemContext.call(() -> roster.remind(today));
        int meetings = SystemContext.call(() -> rhythm.remind(today));
        log.info("Station reminders: {} for reception days, {} for meetings", days, meetings);
    }
}
