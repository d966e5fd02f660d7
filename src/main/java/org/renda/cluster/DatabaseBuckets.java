package org.renda.cluster;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.renda.shared.web.RateBuckets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets in {@code rate_bucket}, shared by every instance over the database. Taking a token is one
 * conditional {@code update} that refills and takes in the same statement (the row lock makes concurrent takes
 * from several instances count one after the other); a client not yet known costs one {@code insert ... on
 * conflict do nothing} more. Refused requests read the row to say how long to wait. Each statement commits on its
 * own, outside any transaction of the caller, so a rolled-back submission still spent its token.
 *
 * <p>Time is the instance's clock in epoch milliseconds; a row is never moved back in time by an instance whose
 * clock lags. Rows untouched for {@code renda.cluster.rate-limit.forget-after} are swept ({@link BucketSweep}).
 */
final class DatabaseBuckets implements RateBuckets {

    private record Row(double tokens, long refilledAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate alone;
    private final LongSupplier clock;

    DatabaseBuckets(JdbcClient jdbc, PlatformTransactionManager transactions, LongSupplier clock) {
        this.jdbc = jdbc;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.clock = clock;
    }

    @Override
    public long take(String key, int burst, int perMinute) {
        long now = clock.getAsLong();
        double perMs = perMinute / 60_000.0;
        Long wait = alone.execute(s -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                int taken = jdbc.sql("""
                        update rate_bucket
                        set tokens = least(:burst, tokens + greatest(0, :now - refilled_at) * :rate) - 1,
                            refilled_at = greatest(refilled_at, :now)
                        where bucket_key = :key
                          and least(:burst, tokens + greatest(0, :now - refilled_at) * :rate) >= 1""")
                        .param("burst", (double) burst).param("now", now).param("rate", perMs).param("key", key)
                        .update();
                if (taken == 1) {
                    return 0L;
                }
                Optional<Row> row = row(key);
                if (row.isPresent()) {
                    long seconds = waitFor(row.get(), burst, perMinute, now);
                    if (seconds > 0) {
                        return seconds;
                    }
                    // the row holds a token now (another instance created it between the update and the read):
                    // take it with the update, never answer yes without having taken one
                    continue;
                }
                int created = jdbc.sql("""
                        insert into rate_bucket (bucket_key, tokens, refilled_at) values (:key, :tokens, :now)
                        on conflict do nothing""")
                        .param("key", key).param("tokens", (double) burst - 1).param("now", now).update();
                if (created == 1) {
                    return 0L;
                }
                // another instance created the bucket between the read and the insert: take from it
            }
            // three lost races in a row: refuse for a second rather than let a request through untaken
            return Math.max(1, waitFor(row(key).orElse(new Row(0, now)), burst, perMinute, now));
        });
        return wait == null ? 0 : wait;
    }

    @Override
    public long peek(String key, int burst, int perMinute) {
        long now = clock.getAsLong();
        Long wait = alone.execute(s -> row(key).map(r -> waitFor(r, burst, perMinute, now)).orElse(0L));
        return wait == null ? 0 : wait;
    }

    @Override
    public int size(String prefix) {
        Integer n = alone.execute(s -> jdbc.sql("select count(*) from rate_bucket where bucket_key like :p")
                .param("p", escaped(prefix) + "%").query(Integer.class).single());
        return n == null ? 0 : n;
    }

    @Override
    public void forget(String prefix) {
        alone.executeWithoutResult(s -> jdbc.sql("delete from rate_bucket where bucket_key like :p")
                .param("p", escaped(prefix) + "%").update());
    }

    /** Forgets buckets untouched since {@code before} (epoch ms): they would be full again anyway. */
    int sweep(long before) {
        Integer n = alone.execute(s -> jdbc.sql("delete from rate_bucket where refilled_at < :before")
                .param("before", before).update());
        return n == null ? 0 : n;
    }

    private Optional<Row> row(String key) {
        return jdbc.sql("select tokens, refilled_at from rate_bucket where bucket_key = :key").param("key", key)
                .query((rs, n) -> new Row(rs.getDouble(1), rs.getLong(2))).optional();
    }

    /** 0 when the bucket has a token now, else the whole seconds until it has one (at least 1). */
    private static long waitFor(Row row, int burst, int perMinute, long now) {
        double tokens = Math.min(burst, row.tokens() + Math.max(0, now - row.refilledAt()) * perMinute / 60_000.0);
        return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) * 60 / perMinute));
    }

    private static String escaped(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
