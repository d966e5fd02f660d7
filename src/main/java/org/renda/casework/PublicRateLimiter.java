package org.renda.casework;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client for the public doors (the partner API and the public web form): a citizen
 * may submit a few opinions in a row ({@code burst}), then about {@code perMinute} a minute; look-ups
 * by receipt code get a looser pair. The client is the request's remote address: behind a reverse
 * proxy set {@code server.forward-headers-strategy} (and the proxy's address as trusted), and the
 * container or Spring's ForwardedHeaderFilter turns X-Forwarded-For into the remote address before
 * this runs; we never read that header ourselves, so a client cannot pick its own bucket. IPv6
 * clients are keyed by their /64, which one household or phone usually holds.
 *
 * <p>At most {@code maxClients} buckets are kept, least recently used first out: memory is bounded
 * whatever the traffic; an evicted client starts again with a full bucket.
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
            @Nullable Integer maxClients) {
        Settings {
            enabled = enabled == null || enabled;
            submit = submit == null ? new Rule(5, 10) : submit;
            lookup = lookup == null ? new Rule(60, 300) : lookup;
            maxClients = maxClients == null || maxClients < 1 ? 100_000 : maxClients;
        }
    }

    enum Kind {
        /** New submissions and ratings: they write. */
        SUBMIT,
        /** Tracking look-ups and the lists of towns and categories: they read. */
        LOOKUP
    }

    /** The answer: allowed, or how many seconds until a token is back. */
    record Decision(boolean allowed, long retryAfterSeconds) {}

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private volatile Settings settings;
    private Map<String, Bucket> buckets;

    PublicRateLimiter(Settings settings) {
        this.settings = settings;
        this.buckets = lru(settings.maxClients());
    }

    Decision acquire(Kind kind, String client) {
        Settings s = settings;
        if (!Boolean.TRUE.equals(s.enabled())) {
            return new Decision(true, 0);
        }
        Rule rule = kind == Kind.SUBMIT ? s.submit() : s.lookup();
        double perNano = rule.perMinute() / 60e9;
        long now = System.nanoTime();
        String key = kind.name().charAt(0) + client;
        synchronized (this) {
            Bucket b = buckets.get(key);
            if (b == null) {
                b = new Bucket(rule.burst(), now);
                buckets.put(key, b);
            } else {
                b.tokens = Math.min(rule.burst(), b.tokens + (now - b.refilledAt) * perNano);
                b.refilledAt = now;
            }
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return new Decision(true, 0);
            }
            return new Decision(false, Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9)));
        }
    }

    Decision acquire(Kind kind, HttpServletRequest request) {
        return acquire(kind, clientOf(request));
    }

    /** The key of the client: its address, an IPv6 address cut to its /64. */
    static String clientOf(HttpServletRequest request) {
        String addr = request.getRemoteAddr();
        if (addr == null || addr.indexOf(':') < 0) {
            return String.valueOf(addr);
        }
        try {
            byte[] b = InetAddress.getByName(addr.replaceAll("%.*$", "")).getAddress();
            if (b.length != 16) {
                return addr;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return sb.append(":/64").toString();
        } catch (UnknownHostException e) { // a literal never resolves; keep the text
            return addr;
        }
    }

    Settings settings() {
        return settings;
    }

    /** For tests and operators' experiments: new rules, every bucket full again. */
    synchronized void configure(Settings next) {
        this.settings = next;
        this.buckets = lru(next.maxClients());
    }

    synchronized int size() {
        return buckets.size();
    }

    private static Map<String, Bucket> lru(int max) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }
}
