package org.renda.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.renda.shared.CacheSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The caches' versions in {@code cache_version}: a change bumps its cache's row in the changing transaction, and
 * every instance reads the few rows every {@code renda.cluster.cache-check-every} (2 s; one indexed select of a
 * handful of rows) and drops each cache whose number moved since it last looked. An instance also sees its own
 * bumps and drops once more what it already dropped: harmless, and simpler than telling its own apart. The first
 * look drops everything once, since what was cached before it may predate another instance's change.
 */
@Component
class CacheVersions implements CacheSignals {

    private static final Logger log = LoggerFactory.getLogger(CacheVersions.class);

    private final JdbcClient jdbc;
    private final Map<String, List<Runnable>> drops = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    CacheVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void changed(String cache) {
        int bumped = jdbc.sql("update cache_version set version = version + 1 where name = ?").param(cache).update();
        if (bumped == 0) {
            jdbc.sql("insert into cache_version (name, version) values (?, 1) on conflict do nothing").param(cache)
                    .update();
            jdbc.sql("update cache_version set version = version + 1 where name = ?").param(cache).update();
        }
    }

    @Override
    public void onChange(String cache, Runnable drop) {
        drops.computeIfAbsent(cache, k -> new CopyOnWriteArrayList<>()).add(drop);
    }

    /** Reads the versions; drops every cache whose version moved since the last look. */
    @Scheduled(fixedDelayString = "${renda.cluster.cache-check-every:2s}", initialDelayString = "${renda.cluster.cache-check-every:2s}")
    void poll() {
        Map<String, Long> now = versions();
        now.forEach((cache, version) -> {
            Long before = seen.put(cache, version);
            if (!version.equals(before)) { // first look too: a cache filled before it may already be stale
                for (Runnable drop : drops.getOrDefault(cache, List.of())) {
                    try {
                        drop.run();
                    } catch (RuntimeException e) {
                        log.warn("Dropping cache {} failed", cache, e);
                    }
                }
            }
        });
    }

    private Map<String, Long> versions() {
        Map<String, Long> versions = new java.util.HashMap<>();
        jdbc.sql("select name, version from cache_version").query(rs -> {
            versions.put(rs.getString(1), rs.getLong(2));
        });
        return versions;
    }
}
