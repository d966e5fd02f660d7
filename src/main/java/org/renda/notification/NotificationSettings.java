package org.renda.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code renda.notification.*}: the sender address, the dispatcher's rhythm and its retry policy. The SMTP
 * server itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} no e-mail is sent.
 * {@code renda.notification.dispatch-enabled=false} turns the scheduled dispatcher off (tests call it directly).
 *
 * @param claimLease how long a claimed e-mail is reserved for the instance sending it; after a crash it is
 *     sent again once this has passed (so keep it well above the SMTP timeouts times the batch size)
 */
@ConfigurationProperties("renda.notification")
record NotificationSettings(String mailFrom, Duration dispatchInterval, int batchSize,
        int maxAttempts, Duration retryBackoff, Duration claimLease) {

    NotificationSettings {
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "人大工作平台 <no-reply@renda.local>" : mailFrom;
        dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(30) : dispatchInterval;
        batchSize = batchSize <= 0 ? 20 : batchSize;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMinutes(1) : retryBackoff;
        claimLease = claimLease == null ? Duration.ofMinutes(10) : claimLease;
    }

    /** The wait before attempt {@code attempts + 1}: the backoff doubled for each failure so far, at most 6 hours. */
    Duration retryAfter(int attempts) {
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : wait;
    }
}
