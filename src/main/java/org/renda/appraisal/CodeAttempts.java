package org.renda.appraisal;

import jakarta.servlet.http.HttpServletRequest;
import org.renda.shared.DomainException;
import org.renda.shared.web.ClientBuckets;
import org.renda.shared.web.RateBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guards the one-time codes against guessing, at both doors of the ballot (the voting page and the JSON API):
 * per client address, at most {@code burst} refused codes at once, then {@code perMinute} a minute
 * ({@code renda.public.rate-limit.failed-code.*}, default 30 and 30). Ballots with good codes cost nothing here,
 * so a whole hall voting from one address behind one NAT passes; a guesser from one address gets about
 * 43,000 tries a day, against 50-bit codes of which a vote has at most 3,000: about one chance in ten million
 * a day of hitting one.
 *
 * <p>Only refused codes are remembered, in the application's {@link RateBuckets} (the database by default, so
 * every instance behind the balancer counts together: the address and a token count, no code, no vote), forgotten
 * an hour after the last refusal; an accepted ballot leaves nothing here. A refusal here answers before the code is looked
 * at, so a throttled guesser learns nothing.
 */
@Component
class CodeAttempts {

    /** Too many refused codes from this client: try again in {@code args[0]} seconds. */
    static final class Throttled extends DomainException {
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("vote.error.throttled", retryAfterSeconds);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** The prefix of this guard's keys in the shared buckets. */
    static final String PREFIX = "code:";

    private final boolean enabled;
    private volatile int burst;
    private volatile int perMinute;
    private final RateBuckets failures;

    CodeAttempts(@Value("${renda.public.rate-limit.enabled:true}") boolean enabled,
            @Value("${renda.public.rate-limit.failed-code.burst:30}") int burst,
            @Value("${renda.public.rate-limit.failed-code.per-minute:30}") int perMinute,
            RateBuckets failures) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("renda.public.rate-limit.failed-code.* must be at least 1");
        }
        this.enabled = enabled;
        this.burst = burst;
        this.perMinute = perMinute;
        this.failures = failures;
    }

    /**
     * Runs {@code cast} for the client of {@code request} unless it has used up its refused codes
     * ({@link Throttled}); a refused code ({@code vote.error.code}) is counted against it.
     */
    void guard(HttpServletRequest request, Runnable cast) {
        if (!enabled) {
            cast.run();
            return;
        }
        String client = PREFIX + ClientBuckets.clientOf(request);
        long wait = failures.peek(client, burst, perMinute);
        if (wait > 0) {
            throw new Throttled(wait);
        }
        try {
            cast.run();
        } catch (DomainException e) {
            if ("vote.error.code".equals(e.messageKey())) {
                failures.take(client, burst, perMinute);
            }
            throw e;
        }
    }

    int burst() {
        return burst;
    }

    int perMinute() {
        return perMinute;
    }

    /** Clients with refused codes remembered (for tests). */
    int size() {
        return failures.size(PREFIX);
    }

    /** For tests: new limits, every client forgiven. */
    synchronized void configure(int burst, int perMinute) {
        this.burst = burst;
        this.perMinute = perMinute;
        failures.forget(PREFIX);
    }
}
