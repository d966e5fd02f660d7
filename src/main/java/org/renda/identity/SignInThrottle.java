package org.renda.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Slows down password guessing without handing anyone a way to lock others out. Failed sign-ins are counted per
 * client address and per username (known or not: the two behave alike, so the throttle tells nobody which
 * usernames exist). Once a key has had its free attempts, each further failure makes the next attempt wait, the
 * wait doubling from {@code first-delay} up to the key's {@code max-delay}; an attempt made while waiting is
 * refused unchecked and counts for nothing. The address gives up fewer free attempts and waits far longer than the
 * account, and once an address is held its further failures count against it alone: one guesser, however
 * patient, never slows a user's account down (the account's count answers guessing spread over many addresses),
 * and the account's wait stays short (a minute at most by default). Nor does the account's wait hold back the
 * addresses the user last signed in from: many guessers together cannot keep a user out of their usual office. A success clears the account's count, never the address's (a
 * guesser holding one valid account would otherwise reset it). Counts are forgotten {@code forget-after} the last
 * failure. The counts live in the database, so every instance behind a balancer meets the same counts
 * ({@link SignInCounts}; {@code store=memory} keeps them in this instance's memory, bounded by {@code max-tracked}
 * keys of each kind).
 */
@Component
class SignInThrottle {

    /** A key's free attempts, and the longest it is ever made to wait. */
    record Limit(@Nullable Integer freeAttempts, @Nullable Duration maxDelay) {
        Limit orDefault(int free, Duration max) {
            return new Limit(freeAttempts == null || freeAttempts < 1 ? free : freeAttempts,
                    maxDelay == null || maxDelay.isNegative() ? max : maxDelay);
        }

        int free() {
            return freeAttempts == null ? 1 : freeAttempts;
        }

        Duration max() {
            return maxDelay == null ? Duration.ZERO : maxDelay;
        }
    }

    @ConfigurationProperties("renda.security.sign-in")
    record Settings(@Nullable Limit account, @Nullable Limit address, @Nullable Duration firstDelay,
            @Nullable Duration forgetAfter, @Nullable Integer maxTracked, @Nullable String store) {
        Settings {
            account = (account == null ? new Limit(null, null) : account).orDefault(10, Duration.ofMinutes(1));
            address = (address == null ? new Limit(null, null) : address).orDefault(5, Duration.ofMinutes(15));
            firstDelay = firstDelay == null || firstDelay.isNegative() ? Duration.ofSeconds(1) : firstDelay;
            forgetAfter = forgetAfter == null || forgetAfter.isNegative() ? Duration.ofHours(1) : forgetAfter;
            maxTracked = maxTracked == null || maxTracked < 1 ? 100_000 : maxTracked;
            store = store == null || store.isBlank() ? "database" : store.strip().toLowerCase(Locale.ROOT);
            if (!store.equals("database") && !store.equals("memory")) {
                throw new IllegalArgumentException("renda.security.sign-in.store must be database or memory, not " + store);
            }
        }
    }

    private static final int KNOWN_PER_ACCOUNT = 8;
    private static final String ACCOUNT = "account:";
    private static final String ADDRESS = "address:";
    /** Longer names (typed by anyone into the sign-in form) are kept as their SHA-256: a key fits its column. */
    private static final int LONGEST_KEY = 120;

    private final Settings settings;
    private final Clock clock;
    private final SignInCounts counts;

    @Autowired
    SignInThrottle(Settings settings, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(settings, Clock.systemUTC(), settings.store().equals("memory")
                ? new MemorySignInCounts(settings.maxTracked()) : new DatabaseSignInCounts(jdbc, transactions));
    }

    /** In this instance's memory: for tests that move the clock by hand. */
    SignInThrottle(Settings settings, Clock clock) {
        this(settings, clock, new MemorySignInCounts(settings.maxTracked()));
    }

    SignInThrottle(Settings settings, Clock clock, SignInCounts counts) {
        this.settings = settings;
        this.clock = clock;
        this.counts = counts;
    }

    /** When the next attempt of this username from this address may be checked; empty if it may be now. */
    Optional<Instant> waitUntil(String username, String address) {
        Instant now = clock.instant();
        Instant account = counts.known(key(username), key(address)) ? Instant.EPOCH : live(ACCOUNT + key(username), now);
        Instant until = later(account, live(ADDRESS + key(address), now));
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Counts a failed attempt against both keys. Answers true when this failure is the one that starts the
     * account's waits (worth a line in the audit log); later failures answer false.
     */
    boolean failed(String username, String address) {
        Instant now = clock.instant();
        if (count(ADDRESS + key(address), settings.address(), now) > settings.address().free()) {
            return false; // an address already held pays for its own guesses: alone it never slows an account down
        }
        return count(ACCOUNT + key(username), settings.account(), now) == settings.account().free();
    }

    /**
     * A successful sign-in: the account starts afresh (its address does not), and this address is remembered as
     * the user's, so guessing spread over other addresses cannot keep the user out from here.
     */
    void succeeded(String username, String address) {
        counts.remove(ACCOUNT + key(username));
        counts.remember(key(username), key(address), clock.instant(), KNOWN_PER_ACCOUNT);
    }

    /** An administrator lifts an account's wait. */
    void release(String username) {
        counts.remove(ACCOUNT + key(username));
    }

    /** Until when this account's sign-ins wait, if they do now. */
    Optional<Instant> accountWaitUntil(String username) {
        Instant now = clock.instant();
        Instant until = live(ACCOUNT + key(username), now);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** The usernames (lower case) whose sign-ins wait now. */
    Set<String> waitingAccounts() {
        return counts.waiting(ACCOUNT, clock.instant()).stream().map(k -> k.substring(ACCOUNT.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Forgets the counts nobody waits on and nobody failed for {@code forget-after}: they count for nothing
     * already ({@link SignInSweep}). Answers how many.
     */
    int forgetIdle() {
        Instant now = clock.instant();
        return counts.forget(now, now.minus(settings.forgetAfter()));
    }

    Settings settings() {
        return settings;
    }

    private int count(String key, Limit limit, Instant now) {
        return counts.update(key, stored -> {
            SignInCounts.Count c = fresh(stored, now);
            int failures = c.failures() + 1;
            Instant notBefore = failures >= limit.free()
                    ? now.plus(delay(failures - limit.free(), limit.max())) : c.notBefore();
            return new SignInCounts.Count(failures, now, notBefore);
        }).failures();
    }

    /** first-delay doubled {@code doublings} times, at most {@code max}. */
    private Duration delay(int doublings, Duration max) {
        Duration d = settings.firstDelay();
        for (int i = 0; i < doublings && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** The key's wait; a count whose last failure is long enough ago counts for nothing. */
    private Instant live(String key, Instant now) {
        return counts.get(key).map(c -> fresh(c, now).notBefore()).orElse(Instant.EPOCH);
    }

    private SignInCounts.Count fresh(SignInCounts.Count c, Instant now) {
        boolean idle = !c.notBefore().isAfter(now) && c.lastFailure().plus(settings.forgetAfter()).isBefore(now);
        return idle ? SignInCounts.Count.NONE : c;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Usernames differ only in case for the throttle: Admin and admin share one count. */
    static String key(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.length() <= LONGEST_KEY) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
