package org.renda.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the e-mail dispatcher every {@code renda.notification.dispatch-interval} (30s), after the previous
 * run ended. Off with {@code renda.notification.dispatch-enabled=false}; tests call the dispatcher directly.
 * Every instance runs it, without a cluster lock: each e-mail is claimed by one dispatcher ({@code for update skip
 * locked} and a lease), and a sealed e-mail can only be sent by the instance that holds its secret in memory.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "renda.notification.dispatch-enabled", havingValue = "true", matchIfMissing = true)
class DispatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

    private final MailDispatcher dispatcher;

    DispatchSchedule(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        if (!dispatcher.mailConfigured()) {
            log.info("E-mail notifications wait (PENDING) until spring.mail.host is set; the in-app inbox works.");
        }
    }

    @Scheduled(fixedDelayString = "${renda.notification.dispatch-interval:30s}",
            initialDelayString = "${renda.notification.dispatch-interval:30s}")
    void dispatch() {
        try {
            MailDispatcher.Outcome outcome = dispatcher.dispatch();
            if (outcome.sent() + outcome.failed() > 0) {
                log.info("E-mail notifications: {} sent, {} retrying, {} failed", outcome.sent(), outcome.retrying(),
                        outcome.failed());
            }
        } catch (RuntimeException e) {
            // the database may be briefly unavailable: the next run tries again
            log.warn("E-mail dispatch failed: {}", e.toString());
        }
    }
}
