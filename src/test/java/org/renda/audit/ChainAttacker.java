package org.renda.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.shared.signing.Signer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What someone with write access to the database can do to the audit tables, the way a careful forger would:
 * recomputing every hash after a change and moving the head. Also takes a snapshot of the tables and puts it
 * back, so every tampering test leaves the shared test database as it found it.
 */
final class ChainAttacker {

    record Row(long seq, long orgId, OffsetDateTime occurredAt, String actor, String action, String entityType,
            String entityId, @Nullable String before, @Nullable String after, String prevHash, String hash) {

        Row withSeq(long s) {
            return new Row(s, orgId, occurredAt, actor, action, entityType, entityId, before, after, prevHash, hash);
        }

        Row withAfter(String a) {
            return new Row(seq, orgId, occurredAt, actor, action, entityType, entityId, before, a, prevHash, hash);
        }

        Row linked(String prev) {
            String h = ChainHash.of(prev, seq, occurredAt.toInstant().toEpochMilli(), actor, orgId, entityType,
                    entityId, action, before, after);
            return new Row(seq, orgId, occurredAt, actor, action, entityType, entityId, before, after, prev, h);
        }
    }

    record Snapshot(long fromSeq, List<Row> rows, Map<String, Object> head, List<Checkpoint> checkpoints) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChainAttacker(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    List<Row> rowsFrom(long seq) {
        return jdbc.sql("select * from audit_event where seq >= ? order by seq").param(seq)
                .query((rs, n) -> new Row(rs.getLong("seq"), rs.getLong("org_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getString("before_state"), rs.getString("after_state"), rs.getString("prev_hash"),
                        rs.getString("hash")))
                .list();
    }

    Row row(long seq) {
        return rowsFrom(seq).get(0);
    }

    List<Checkpoint> checkpoints() {
        return jdbc.sql("select * from audit_checkpoint order by num")
                .query((rs, n) -> new Checkpoint(rs.getLong("num"), rs.getLong("head_seq"), rs.getString("head_hash"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("previous"),
                        rs.getString("key_fingerprint"), rs.getString("public_key"), rs.getString("signature")))
                .list();
    }

    long headSeq() {
        return jdbc.sql("select last_seq from audit_chain_head where id = 1").query(Long.class).single();
    }

    Snapshot snapshot(long fromSeq) {
        return new Snapshot(fromSeq, rowsFrom(fromSeq),
                jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1").query().singleRow(),
                checkpoints());
    }

    void restore(Snapshot s) {
        jdbc.sql("delete from audit_event where seq >= ? or seq < 1").param(s.fromSeq()).update();
        insert(s.rows());
        jdbc.sql("delete from audit_checkpoint").update();
        insertCheckpoints(s.checkpoints());
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")
                .params(s.head().get("last_seq"), s.head().get("last_hash")).update();
    }

    /**
     * Replaces every entry from {@code fromSeq} on by {@code rows}, renumbered from {@code fromSeq} and re-hashed
     * onto the entry before, and moves the head to the new last entry: a recomputed, self-consistent chain.
     */
    void rewriteFrom(long fromSeq, List<Row> rows) {
        String prev = fromSeq == 1 ? ChainHash.GENESIS : row(fromSeq - 1).hash();
        List<Row> forged = new ArrayList<>();
        long seq = fromSeq;
        for (Row r : rows) {
            Row f = r.withSeq(seq++).linked(prev);
            forged.add(f);
            prev = f.hash();
        }
        jdbc.sql("delete from audit_event where seq >= ?").param(fromSeq).update();
        insert(forged);
        moveHead(seq - 1, prev);
    }

    void moveHead(long seq, String hash) {
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
    }

    /** Re-signs every checkpoint with another key, as someone who swapped the key file would. */
    void resignAll(Signer forger) {
        List<Checkpoint> signed = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (Checkpoint cp : checkpoints()) {
            String text = Checkpoint.signedText(cp.number(), cp.headSeq(), cp.headHash(), cp.signedAt(), previous,
                    forger.fingerprint());
            Checkpoint f = new Checkpoint(cp.number(), cp.headSeq(), cp.headHash(), cp.signedAt(), previous,
                    forger.fingerprint(), forger.publicKey(), forger.sign(text));
            signed.add(f);
            previous = f.digest();
        }
        jdbc.sql("delete from audit_checkpoint").update();
        insertCheckpoints(signed);
    }

    void insert(List<Row> rows) {
        template.batchUpdate("""
                insert into audit_event (seq, org_id, occurred_at, actor, action, entity_type, entity_id,
                                         before_state, after_state, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(r -> new Object[] {r.seq(), r.orgId(),
                r.occurredAt(), r.actor(), r.action(), r.entityType(), r.entityId(), r.before(), r.after(),
                r.prevHash(), r.hash()}).toList());
    }

    void insertCheckpoints(List<Checkpoint> cps) {
        template.batchUpdate("""
                insert into audit_checkpoint (num, head_seq, head_hash, signed_at, previous, key_fingerprint,
                                              public_key, signature)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", cps.stream().map(c -> new Object[] {c.number(), c.headSeq(),
                c.headHash(), OffsetDateTime.ofInstant(c.signedAt(), ZoneOffset.UTC), c.previous(), c.keyFingerprint(),
                c.publicKey(), c.signature()}).toList());
    }

}
