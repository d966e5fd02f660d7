package org.renda.shared.web;

/**
 * Token buckets of the anonymous doors, by key: a key may do {@code burst} things at once, then {@code perMinute}
 * a minute. The application's buckets are kept in the database (the cluster module's {@code rate_bucket}), so
 * several instances behind one balancer count together; {@link ClientBuckets} keeps them in one JVM's memory
 * (unit tests, or {@code renda.cluster.rate-limit-store=memory}). Keys start with their caller's prefix
 * ({@code public:}, {@code code:}) and hold a client address, never a person's data.
 */
public interface RateBuckets {

    /** Takes a token of {@code key}'s bucket: answers 0 when there was one, else the seconds until one is back. */
    long take(String key, int burst, int perMinute);

    /** Whether {@code key}'s bucket has a token, without taking it: 0 when it has, else the seconds until it has. */
    long peek(String key, int burst, int perMinute);

    /** How many buckets under {@code prefix} are remembered (tests and operators). */
    int size(String prefix);

    /** Forgets every bucket under {@code prefix}: they are full again (new rules, tests). */
    void forget(String prefix);
}
