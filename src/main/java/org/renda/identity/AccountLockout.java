package org.renda.identity;

import java.time.Duration;
import java.time.Instant;
import org.renda.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account for a while after repeated wrong passwords; a successful sign-in clears the count. */
@Component
class AccountLockout {

    private static final Logger log = LoggerFactory.getLogger(AccountLockout.class);

    @ConfigurationProperties("renda.security.lockout")
    record Settings(int maxAttempts, Duration duration) {
        Settings {
            maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
            duration = duration == null ? Duration.ofMinutes(15) : duration;
        }
    }

    private final UserStore users;
    private final Settings settings;
    private final AuditTrail audit;

    AccountLockout(UserStore users, Settings settings, AuditTrail audit) {
        this.users = users;
        this.settings = settings;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        int count = users.recordFailure(username, settings.maxAttempts(), Instant.now().plus(settings.duration()));
        if (count == 0) {
            users.byUsername(username).ifPresent(a -> {
                log.warn("Sign-in failures reached the limit; account {} locked for {}", a.id(), settings.duration());
                audit.record(a.orgId(), UserAdministration.AUDIT_TYPE, a.id(), "LOCKED", null,
                        java.util.Map.of("lockedUntil", String.valueOf(a.lockedUntil()),
                                "failedAttempts", settings.maxAttempts()));
            });
        }
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.recordSuccess(event.getAuthentication().getName());
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }

    Duration duration() {
        return settings.duration();
    }
}
