package org.renda.casework;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.renda.shared.web.ClientBuckets;
import org.renda.shared.web.RateBuckets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.stereotype.Component;

/**
 * The limits of the public doors (the partner API and the public web form), per client ({@link ClientBuckets}:
 * the remote address, IPv6 by /64, bounded memory): a citizen may submit a few opinions in a row
 * ({@code burst}), then about {@code perMinute} a minute; look-ups by receipt code get a looser pair; ballots
 * of the secret vote (reading the ballot and casting it, {@code /api/v1/public/votes/{code}[/ballots]}) get their
 * own, far larger pair: a hall of deputies votes from one address behind one NAT, and the one-time codes
 * already bound what a ballot can do (appraisal limits failed codes per client itself). The buckets are the
 * application's {@link RateBuckets} (the database by default): every instance behind the balancer counts together.
 */
@Component
class PublicRateLimiter {

    /** What a kind of request may do: {@code burst} at once, refilled at {@code perMinute}. */
    record Rule(int burst, int perMinute) {
        Rule {
            if (burst < 1 || perMinute < 1) {
                throw new IllegalArgumentException("burst and perMinute must be at least 1");
            }
        }
    }

    @ConfigurationProperties("renda.public.rate-limit")
    record Settings(@Nullable Boolean enabled, @Nullable Rule submit, @Nullable Rule lookup,
            @Nullable Integer maxClients, @Nullable Rule ballot) {
        @ConstructorBinding
        Settings {
            enabled = enabled == null || enabled;
            submit = submit == null ? new Rule(5, 10) : submit;
            lookup = lookup == null ? new Rule(60, 300) : lookup;
            maxClients = maxClients == null || maxClients < 1 ? 100_000 : maxClients;
            ballot = ballot == null ? new Rule(600, 600) : ballot;
        }

        Settings(@Nullable Boolean enabled, @Nullable Rule submit, @Nullable Rule lookup,
                @Nullable Integer maxClients) {
            this(enabled, submit, lookup, maxClients, null);
        }
    }

    enum Kind {
        /** New submissions and ratings: they write. */
        SUBMIT,
        /** Tracking look-ups and the lists of towns and categories: they read. */
        LOOKUP,
        /** A vote's ballot: read and cast with a one-time code. */
        BALLOT
    }

    /** The answer: allowed, or how many seconds until a token is back. */
    record Decision(boolean allowed, long retryAfterSeconds) {}

    /** The prefix of this limiter's keys in the shared buckets. */
    static final String PREFIX = "public:";

    private volatile Settings settings;
    private final RateBuckets buckets;

    /** One instance alone, its buckets in memory (unit tests). */
    PublicRateLimiter(Settings settings) {
        this(settings, new ClientBuckets(settings.maxClients()));
    }

    @Autowired
    PublicRateLimiter(Settings settings, RateBuckets buckets) {
        this.settings = settings;
        this.buckets = buckets;
    }

    Decision acquire(Kind kind, String client) {
        Settings s = settings;
        if (!Boolean.TRUE.equals(s.enabled())) {
            return new Decision(true, 0);
        }
        Rule rule = switch (kind) {
            case SUBMIT -> s.submit();
            case LOOKUP -> s.lookup();
            case BALLOT -> s.ballot();
        };
        long wait = buckets.take(PREFIX + kind.name().charAt(0) + client, rule.burst(), rule.perMinute());
        return new Decision(wait == 0, wait);
    }

    Decision acquire(Kind kind, HttpServletRequest request) {
        return acquire(kind, clientOf(request));
    }

    /** The key of the client: its address, an IPv6 address cut to its /64. */
    static String clientOf(HttpServletRequest request) {
        return ClientBuckets.clientOf(request);
    }

    Settings settings() {
        return settings;
    }

    /** For tests and operators' experiments: new rules, every bucket full again. */
    synchronized void configure(Settings next) {
        this.settings = next;
        buckets.forget(PREFIX);
    }

    int size() {
        return buckets.size(PREFIX);
    }
}
