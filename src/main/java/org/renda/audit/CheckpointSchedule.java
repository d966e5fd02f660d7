package org.renda.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Signs the chain head on {@code renda.audit.checkpoint-cron} (hourly by default; {@code -} turns it off), so
 * that a quiet installation's last entries do not wait for the next run of
 * {@code renda.audit.checkpoint-every} entries to be covered by a signature.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final AuditTrail trail;

    CheckpointSchedule(AuditTrail trail) {
        this.trail = trail;
    }

    @Scheduled(cron = "${renda.audit.checkpoint-cron:0 0 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "audit-checkpoint", lockAtLeastFor = "${renda.cluster.lock-at-least-for:PT30S}")
    public void sign() {
        try {
            trail.checkpoint();
        } catch (RuntimeException e) {
            // the database or the key file may be briefly unavailable: the next run tries again, loudly
            log.error("The audit chain head could not be signed", e);
        }
    }
}
