package org.renda.identity;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets the sign-in counts that no longer hold anyone back, so the table holds about an hour's failures. */
@Component
class SignInSweep {

    private static final Logger log = LoggerFactory.getLogger(SignInSweep.class);

    private final SignInThrottle throttle;

    SignInSweep(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "${renda.security.sign-in.sweep-every:10m}", initialDelayString = "1m")
    @SchedulerLock(name = "sign-in-sweep")
    public void sweep() {
        int n = throttle.forgetIdle();
        if (n > 0) {
            log.debug("Sign-in throttle: {} idle counts forgotten", n);
        }
    }
}
