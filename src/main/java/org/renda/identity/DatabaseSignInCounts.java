package org.renda.identity;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The throttle's counts in {@code sign_in_count} and {@code sign_in_known}, shared by every instance: a guesser
 * whose attempts a balancer spreads over three instances meets one count, not three. A change locks the key's
 * row ({@code select ... for update}, after an {@code insert ... on conflict do nothing} for a key not yet
 * known) in a transaction of its own, so two instances counting the same key count one after the other and the
 * lock is held only as long as the change. Times are epoch milliseconds.
 */
final class DatabaseSignInCounts implements SignInCounts {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final TransactionTemplate alone;

    DatabaseSignInCounts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Override
    public Optional<Count> get(String key) {
        Optional<Count> count = alone.execute(s -> read(key, ""));
        return count == null ? Optional.empty() : count;
    }

    @Override
    public Count update(String key, UnaryOperator<Count> change) {
        Count stored = own.execute(s -> {
            jdbc.sql("""
                    insert into sign_in_count (throttle_key, failures, last_failure, not_before)
                    values (:key, 0, 0, 0) on conflict do nothing""").param("key", key).update();
            Count next = change.apply(read(key, " for update").orElse(Count.NONE));
            jdbc.sql("""
                    update sign_in_count set failures = :failures, last_failure = :last, not_before = :notBefore
                    where throttle_key = :key""")
                    .param("failures", next.failures()).param("last", next.lastFailure().toEpochMilli())
                    .param("notBefore", next.notBefore().toEpochMilli()).param("key", key).update();
            return next;
        });
        return stored == null ? Count.NONE : stored;
    }

    @Override
    public void remove(String key) {
        alone.executeWithoutResult(s -> jdbc.sql("delete from sign_in_count where throttle_key = :key")
                .param("key", key).update());
    }

    @Override
    public Set<String> waiting(String prefix, Instant now) {
        Set<String> keys = alone.execute(s -> new HashSet<>(jdbc.sql("""
                select throttle_key from sign_in_count where throttle_key like :prefix escape '\\' and not_before > :now""")
                .param("prefix", escaped(prefix) + "%").param("now", now.toEpochMilli()).query(String.class).list()));
        return keys == null ? Set.of() : keys;
    }

    @Override
    public boolean known(String user, String address) {
        Boolean known = alone.execute(s -> jdbc.sql(
                "select count(*) from sign_in_known where username = :user and address = :address")
                .param("user", user).param("address", address).query(Integer.class).single() > 0);
        return Boolean.TRUE.equals(known);
    }

    @Override
    public void remember(String user, String address, Instant at, int keep) {
        own.executeWithoutResult(s -> {
            long ms = at.toEpochMilli();
            int seen = jdbc.sql("update sign_in_known set seen_at = :at where username = :user and address = :address")
                    .param("at", ms).param("user", user).param("address", address).update();
            if (seen == 0) {
                jdbc.sql("""
                        insert into sign_in_known (username, address, seen_at) values (:user, :address, :at)
                        on conflict do nothing""").param("user", user).param("address", address).param("at", ms)
                        .update();
            }
            List<String> older = jdbc.sql(
                    "select address from sign_in_known where username = :user order by seen_at desc, address")
                    .param("user", user).query(String.class).list();
            for (String old : older.subList(Math.min(keep, older.size()), older.size())) {
                jdbc.sql("delete from sign_in_known where username = :user and address = :address")
                        .param("user", user).param("address", old).update();
            }
        });
    }

    @Override
    public int forget(Instant now, Instant before) {
        Integer n = alone.execute(s -> jdbc.sql(
                "delete from sign_in_count where not_before <= :now and last_failure < :before")
                .param("now", now.toEpochMilli()).param("before", before.toEpochMilli()).update());
        return n == null ? 0 : n;
    }

    private Optional<Count> read(String key, String lock) {
        return jdbc.sql("select failures, last_failure, not_before from sign_in_count where throttle_key = :key" + lock)
                .param("key", key)
                .query((rs, n) -> new Count(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3))))
                .optional();
    }

    private static String escaped(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
