package org.renda.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification table; nothing outside this module touches it. */
@Repository
class NotificationStore {

    private static final String COLUMNS = "id, org_id, recipient_user_id, channel, email, subject, body, link, "
            + "dedupe_key, status, attempts, next_attempt_at, last_error, created_at, sent_at, read_at";

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as stored. */
    record Row(long id, long orgId, long recipientUserId, Channel channel, @Nullable String email, String subject,
            String body, @Nullable String link, String dedupeKey, NotificationStatus status, int attempts,
            @Nullable Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt,
            @Nullable Instant readAt) {}

    /**
     * Inserts unless a row with the same (dedupe key, recipient, channel) exists; 1 when inserted, 0 when not.
     * {@code on conflict do nothing} (PostgreSQL, and H2 in PostgreSQL mode) turns a duplicate into a no-op
     * instead of an error, so it never aborts the caller's transaction; when another transaction holds an
     * uncommitted duplicate, it waits for that one and then does nothing (or inserts, if it rolled back).
     */
    int insert(NotificationRequest r, Channel channel, @Nullable String email, NotificationStatus status,
            @Nullable Instant nextAttemptAt, @Nullable String lastError, Instant now) {
        return jdbc.sql("""
                insert into notification (org_id, recipient_user_id, channel, email, subject, body, link, dedupe_key,
                                          status, attempts, next_attempt_at, last_error, created_at, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(r.orgId(), r.recipientUserId(), channel.name(), email, r.subject(), r.body(), r.link(),
                        r.dedupeKey(), status.name(), ts(nextAttemptAt), lastError, ts(now),
                        status == NotificationStatus.SENT ? ts(now) : null)
                .update();
    }

    /** Marks a row just written as sealed ({@link SealedSecrets}): only the instance holding its secret sends it. */
    long seal(NotificationRequest r, Channel channel) {
        jdbc.sql("update notification set sealed = true where dedupe_key = ? and recipient_user_id = ? and channel = ?")
                .params(r.dedupeKey(), r.recipientUserId(), channel.name()).update();
        return jdbc.sql("select id from notification where dedupe_key = ? and recipient_user_id = ? and channel = ?")
                .params(r.dedupeKey(), r.recipientUserId(), channel.name()).query(Long.class).single();
    }

    /**
     * Locks up to {@code limit} e-mails due at {@code now}, skipping rows another dispatcher has locked and sealed
     * rows whose secret this instance does not hold ({@code held}). Must run in the transaction that then
     * {@link #claim}s them.
     */
    List<Long> lockDue(Instant now, int limit, Collection<Long> held) {
        return jdbc.sql("""
                select id from notification
                where status = 'PENDING' and channel = 'EMAIL' and next_attempt_at <= :now
                  and (sealed = false or id in (:held))
                order by next_attempt_at, id
                limit :limit
                for update skip locked""")
                .param("now", ts(now)).param("limit", limit).param("held", held.isEmpty() ? List.of(-1L) : held)
                .query(Long.class).list();
    }

    /** Fails sealed e-mails still pending that were written before {@code before}: nobody holds their secret. */
    int failSealedPendingBefore(Instant before, String reason) {
        return jdbc.sql("""
                update notification set status = 'FAILED', next_attempt_at = null, last_error = ?
                where sealed = true and status = 'PENDING' and created_at < ?""")
                .params(reason, ts(before)).update();
    }

    /**
     * Reserves a due e-mail until {@code leaseUntil} and counts the attempt; false when it is no longer due
     * (another dispatcher claimed it first). The condition makes a claim exclusive on any database,
     * whatever its locking does.
     */
    boolean claim(long id, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update notification set attempts = attempts + 1, next_attempt_at = ?
                where id = ? and status = 'PENDING' and channel = 'EMAIL' and next_attempt_at <= ?""")
                .params(ts(leaseUntil), id, ts(now)).update() == 1;
    }

    List<Row> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from notification where id in (:ids) order by id").param("ids", ids)
                .query(NotificationStore::map).list();
    }

    void markSent(long id, Instant at) {
        jdbc.sql("update notification set status = 'SENT', sent_at = ?, last_error = null where id = ? and status = 'PENDING'")
                .params(ts(at), id).update();
    }

    void markRetry(long id, Instant nextAttempt, String error) {
        jdbc.sql("update notification set next_attempt_at = ?, last_error = ? where id = ? and status = 'PENDING'")
                .params(ts(nextAttempt), truncate(error), id).update();
    }

    void markFailed(long id, String error) {
        jdbc.sql("update notification set status = 'FAILED', next_attempt_at = null, last_error = ? where id = ? and status = 'PENDING'")
                .params(truncate(error), id).update();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = ?").param(id).query(NotificationStore::map)
                .optional();
    }

    List<Row> inbox(long userId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where recipient_user_id = ? and channel = 'IN_APP'"
                        + " order by created_at desc, id desc limit ?")
                .params(userId, limit).query(NotificationStore::map).list();
    }

    long unread(long userId) {
        return jdbc.sql("select count(*) from notification where recipient_user_id = ? and channel = 'IN_APP'"
                        + " and status = 'SENT'")
                .param(userId).query(Long.class).single();
    }

    int markRead(long userId, @Nullable Long id, Instant at) {
        return jdbc.sql("update notification set status = 'READ', read_at = :at where recipient_user_id = :user"
                        + " and channel = 'IN_APP' and status = 'SENT'" + (id == null ? "" : " and id = :id"))
                .param("at", ts(at)).param("user", userId).param("id", id == null ? 0L : id).update();
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("org_id"), rs.getLong("recipient_user_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("email"), rs.getString("subject"),
                rs.getString("body"), rs.getString("link"), rs.getString("dedupe_key"),
                NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("last_error"), java.util.Objects.requireNonNull(instant(rs, "created_at")),
                instant(rs, "sent_at"), instant(rs, "read_at"));
    }
}
