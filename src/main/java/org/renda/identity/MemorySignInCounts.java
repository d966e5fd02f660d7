package org.renda.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The throttle's counts in this instance's memory, bounded by {@code max} keys of each kind (oldest-touched go
 * first, so a flood of names cannot exhaust memory). With several instances each counts alone.
 */
final class MemorySignInCounts implements SignInCounts {

    private final Map<String, Count> counts;
    private final Map<String, Map<String, Instant>> known;

    MemorySignInCounts(int max) {
        this.counts = bounded(max);
        this.known = bounded(max);
    }

    @Override
    public synchronized Optional<Count> get(String key) {
        return Optional.ofNullable(counts.get(key));
    }

    @Override
    public synchronized Count update(String key, UnaryOperator<Count> change) {
        Count next = change.apply(counts.getOrDefault(key, Count.NONE));
        counts.put(key, next);
        return next;
    }

    @Override
    public synchronized void remove(String key) {
        counts.remove(key);
    }

    @Override
    public synchronized Set<String> waiting(String prefix, Instant now) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue().notBefore().isAfter(now))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public synchronized boolean known(String user, String address) {
        Map<String, Instant> addresses = known.get(user);
        return addresses != null && addresses.containsKey(address);
    }

    @Override
    public synchronized void remember(String user, String address, Instant at, int keep) {
        known.computeIfAbsent(user, k -> bounded(keep)).put(address, at);
    }

    @Override
    public synchronized int forget(Instant now, Instant before) {
        int n = counts.size();
        counts.values().removeIf(c -> !c.notBefore().isAfter(now) && c.lastFailure().isBefore(before));
        return n - counts.size();
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
