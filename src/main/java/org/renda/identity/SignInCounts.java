package org.renda.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where {@link SignInThrottle} keeps its counts: in the database, shared by every instance behind the balancer
 * ({@link DatabaseSignInCounts}, the default), or in this instance's memory ({@link MemorySignInCounts}, with
 * {@code renda.security.sign-in.store=memory}). Keys are opaque to the store; the throttle names them.
 */
interface SignInCounts {

    /** A key's failures, when the last one was, and the instant before which its attempts are not checked. */
    record Count(int failures, Instant lastFailure, Instant notBefore) {
        static final Count NONE = new Count(0, Instant.EPOCH, Instant.EPOCH);
    }

    /** The key's count as it stands, read without holding anything. */
    Optional<Count> get(String key);

    /**
     * Replaces the key's count (or {@link Count#NONE} when it has none) by {@code change}'s answer, one change at a
     * time for a key across every instance sharing the store; answers the stored count.
     */
    Count update(String key, UnaryOperator<Count> change);

    void remove(String key);

    /** The keys starting with {@code prefix} whose attempts wait at {@code now}. */
    Set<String> waiting(String prefix, Instant now);

    /** Whether {@code user} signed in from {@code address} recently (among their last few addresses). */
    boolean known(String user, String address);

    /** Remembers {@code address} as one of {@code user}'s last {@code keep} addresses. */
    void remember(String user, String address, Instant at, int keep);

    /** Forgets counts whose wait is over and whose last failure is before {@code before}; answers how many. */
    int forget(Instant now, Instant before);
}
