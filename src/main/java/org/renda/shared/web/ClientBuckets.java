package org.renda.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per client of the anonymous doors: a client may do {@code burst} things at once, then
 * {@code perMinute} a minute. The client is the request's remote address ({@link #clientOf}): behind a reverse
 * proxy set {@code server.forward-headers-strategy} (and the proxy's address as trusted), and the container or
 * Spring's ForwardedHeaderFilter turns X-Forwarded-For into the remote address before this runs; the header is
 * never read here, so a client cannot pick its own bucket. IPv6 clients are keyed by their /64, which one
 * household or phone usually holds.
 *
 * <p>At most {@code maxClients} buckets are kept, least recently used first out: memory is bounded whatever the
 * traffic; an evicted client starts again with a full bucket. The buckets live in this JVM's memory only: they
 * are never stored nor logged. Callers prefix their keys to keep kinds of requests apart. Several instances behind
 * one balancer count together only in the database ({@link RateBuckets}, the cluster module's default).
 */
public final class ClientBuckets implements RateBuckets {

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final Map<String, Bucket> buckets;

    public ClientBuckets(int maxClients) {
        int max = Math.max(1, maxClients);
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /** Takes a token of {@code key}'s bucket: answers 0 when there was one, else the seconds until one is back. */
    @Override
    public synchronized long take(String key, int burst, int perMinute) {
        Bucket b = refilled(key, burst, perMinute, true);
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        return wait(b, perMinute);
    }

    /**
     * Whether {@code key}'s bucket has a token, without taking it: 0 when it has, else the seconds until it has.
     * A key never charged is not remembered.
     */
    @Override
    public synchronized long peek(String key, int burst, int perMinute) {
        if (!buckets.containsKey(key)) {
            return 0;
        }
        Bucket b = refilled(key, burst, perMinute, false);
        return b.tokens >= 1 ? 0 : wait(b, perMinute);
    }

    public synchronized int size() {
        return buckets.size();
    }

    @Override
    public synchronized int size(String prefix) {
        return (int) buckets.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

    @Override
    public synchronized void forget(String prefix) {
        buckets.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private Bucket refilled(String key, int burst, int perMinute, boolean create) {
        long now = System.nanoTime();
        Bucket b = buckets.get(key);
        if (b == null) {
            b = new Bucket(burst, now);
            if (create) {
                buckets.put(key, b);
            }
        } else {
            b.tokens = Math.min(burst, b.tokens + (now - b.refilledAt) * perMinute / 60e9);
            b.refilledAt = now;
        }
        return b;
    }

    private static long wait(Bucket b, int perMinute) {
        return Math.max(1, (long) Math.ceil((1 - b.tokens) * 60 / perMinute));
    }

    /** The key of the client: see {@link ClientAddress}. */
    public static String clientOf(HttpServletRequest request) {
        return ClientAddress.of(request);
    }
}
