package org.renda.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

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
 * failure. The counts live in this instance's memory, bounded by {@code max-tracked} keys of each kind.
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
            @Nullable Duration forgetAfter, @Nullable Integer maxTracked) {
        Settings {
            account = (account == null ? new Limit(null, null) : account).orDefault(10, Duration.ofMinutes(1));
            address = (address == null ? new Limit(null, null) : address).orDefault(5, Duration.ofMinutes(15));
            firstDelay = firstDelay == null || firstDelay.isNegative() ? Duration.ofSeconds(1) : firstDelay;
            forgetAfter = forgetAfter == null || forgetAfter.isNegative() ? Duration.ofHours(1) : forgetAfter;
            maxTracked = maxTracked == null || maxTracked < 1 ? 100_000 : maxTracked;
        }
    }

    private static final class Count {
        int failures;
        Instant lastFailure = Instant.EPOCH;
        Instant notBefore = Instant.EPOCH;
    }

    private static final int KNOWN_PER_ACCOUNT = 8;

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Count> accounts;
    private final Map<String, Count> addresses;
    /** Per username, the last few addresses it signed in from: the account's wait does not hold them back. */
    private final Map<String, Map<String, Boolean>> known;

    @Autowired
    SignInThrottle(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    SignInThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.accounts = bounded(settings.maxTracked());
        this.addresses = bounded(settings.maxTracked());
        this.known = bounded(settings.maxTracked());
    }

    /** When the next attempt of this username from this address may be checked; empty if it may be now. */
    synchronized Optional<Instant> waitUntil(String username, String address) {
        Instant now = clock.instant();
        Instant account = isKnown(username, address) ? Instant.EPOCH : live(accounts, key(username), now);
        Instant until = later(account, live(addresses, address, now));
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Counts a failed attempt against both keys. Answers true when this failure is the one that starts the
     * account's waits (worth a line in the audit log); later failures answer false.
     */
    synchronized boolean failed(String username, String address) {
        Instant now = clock.instant();
        if (count(addresses, address, settings.address(), now) > settings.address().free()) {
            return false; // an address already held pays for its own guesses: alone it never slows an account down
        }
        return count(accounts, key(username), settings.account(), now) == settings.account().free();
    }

    /**
     * A successful sign-in: the account starts afresh (its address does not), and this address is remembered as
     * the user's, so guessing spread over other addresses cannot keep the user out from here.
     */
    synchronized void succeeded(String username, String address) {
        accounts.remove(key(username));
        known.computeIfAbsent(key(username), k -> bounded(KNOWN_PER_ACCOUNT)).put(address, Boolean.TRUE);
    }

    private boolean isKnown(String username, String address) {
        Map<String, Boolean> addresses = known.get(key(username));
        return addresses != null && addresses.containsKey(address);
    }

    /** An administrator lifts an account's wait. */
    synchronized void release(String username) {
        accounts.remove(key(username));
    }

    /** Until when this account's sign-ins wait, if they do now. */
    synchronized Optional<Instant> accountWaitUntil(String username) {
        Instant now = clock.instant();
        Instant until = live(accounts, key(username), now);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** The usernames (lower case) whose sign-ins wait now. */
    synchronized Set<String> waitingAccounts() {
        Instant now = clock.instant();
        return accounts.entrySet().stream().filter(e -> e.getValue().notBefore.isAfter(now)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    Settings settings() {
        return settings;
    }

    private int count(Map<String, Count> counts, String key, Limit limit, Instant now) {
        live(counts, key, now);
        Count c = counts.computeIfAbsent(key, k -> new Count());
        c.failures++;
        c.lastFailure = now;
        if (c.failures >= limit.free()) {
            c.notBefore = now.plus(delay(c.failures - limit.free(), limit.max()));
        }
        return c.failures;
    }

    /** first-delay doubled {@code doublings} times, at most {@code max}. */
    private Duration delay(int doublings, Duration max) {
        Duration d = settings.firstDelay();
        for (int i = 0; i < doublings && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** The key's wait, after dropping a count whose last failure is long enough ago. */
    private Instant live(Map<String, Count> counts, String key, Instant now) {
        Count c = counts.get(key);
        if (c == null) {
            return Instant.EPOCH;
        }
        if (!c.notBefore.isAfter(now) && c.lastFailure.plus(settings.forgetAfter()).isBefore(now)) {
            counts.remove(key);
            return Instant.EPOCH;
        }
        return c.notBefore;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Usernames differ only in case for the throttle: "Admin" and "admin" share one count. */
    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** Oldest-touched keys go first once the map is full, so a flood of names cannot exhaust memory. */
    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
