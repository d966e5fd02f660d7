package org.renda.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.shared.CurrentActor;
import org.renda.shared.PageWindow;
import org.renda.shared.Permission;
import org.renda.shared.PersonNames;
import org.renda.shared.Reach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The module's facade. {@link #record} must run inside the transaction that makes the change, so the
 * change and its audit entry commit or roll back together; the head row of the entry's chain is locked for
 * the append, which orders concurrent writers of that chain. Each audit partition (an organisation subtree,
 * {@link AuditPartitions}) has its own chain, head and checkpoints, so writers of different partitions do not
 * wait for each other; with {@code renda.audit.partition-depth=0} (the default) there is one chain, "root".
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final ObjectMapper json;
    private final CheckpointBook checkpoints;
    private final PersonNames people;
    private final AuditPartitions partitions;
    private final TransactionTemplate newChain;

    AuditTrail(JdbcClient jdbc, CurrentActor currentActor, ObjectMapper json, CheckpointBook checkpoints,
            PersonNames people, AuditPartitions partitions, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.newChain = new TransactionTemplate(transactions);
        this.newChain.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.people = people;
        this.currentActor = currentActor;
        this.json = json;
        this.checkpoints = checkpoints;
    }

    /**
     * Appends one entry. {@code before} and {@code after} are snapshots of the record (any object that
     * serialises to JSON; null for a creation or a deletion).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long orgId, String entityType, Object entityId, String action, @Nullable Object before,
            @Nullable Object after) {
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        String chain = partitions.chainOf(orgId);
        Head head = lockHead(chain);
        long seq = head.lastSeq() + 1;
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        String actor = currentActor.auditName();
        String id = String.valueOf(entityId);
        String hash = ChainHash.of(head.lastHash(), seq, now.toEpochMilli(), actor, orgId, entityType, id, action,
                beforeJson, afterJson);
        jdbc.sql("""
                insert into audit_event (chain, seq, org_id, occurred_at, actor, action, entity_type, entity_id,
                                         before_state, after_state, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(chain, seq, orgId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actor, action, entityType,
                        id, beforeJson, afterJson, head.lastHash(), hash)
                .update();
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where chain = ?").params(seq, hash, chain)
                .update();
        if (checkpoints.due(seq)) {
            try {
                checkpoints.sign(chain, seq, hash);
            } catch (IllegalStateException e) {
                // An unusable key file must not stop the change itself; the next checkpoint covers this head.
                log.error("Audit checkpoint at entry {} of chain {} not signed", seq, chain, e);
            }
        }
    }

    /**
     * Signs the current head now (the schedule, every {@code renda.audit.checkpoint-every} entries, or an
     * administrator's request), unless the last checkpoint already covers it.
     */
    @Transactional
    public Checkpoint checkpoint() {
        for (String chain : chains()) {
            if (!ChainHash.ROOT.equals(chain)) {
                Head head = lockHead(chain);
                checkpoints.sign(chain, head.lastSeq(), head.lastHash());
            }
        }
        Head head = lockHead(ChainHash.ROOT);
        return checkpoints.sign(head.lastSeq(), head.lastHash());
    }

    /** Every chain that has a head or entries, the root chain first. */
    private List<String> chains() {
        List<String> out = new ArrayList<>(List.of(ChainHash.ROOT));
        jdbc.sql("select chain from audit_chain_head union select distinct chain from audit_event")
                .query(String.class).list().stream().filter(c -> !out.contains(c)).sorted().forEach(out::add);
        return out;
    }

    /** Every signed checkpoint as a JSON file with the key's fingerprint, for auditors to keep outside. */
    @Transactional(readOnly = true)
    public byte[] exportCheckpoints() {
        return checkpoints.export();
    }

    /** The fingerprint (SHA-256 of the public key) of the installation's audit signing key. */
    public String signingKeyFingerprint() {
        return checkpoints.fingerprint();
    }

    /** A record's history, oldest first, limited to what the actor may read. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String entityType, Object entityId) {
        Reach orgs = currentActor.reach(Permission.AUDIT_READ);
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from audit_event where entity_type = :type and entity_id = :id"
                        + " and " + orgs.sql("org_id") + " order by occurred_at, seq")
                .param("type", entityType)
                .param("id", String.valueOf(entityId))
                .params(orgs.params())
                .query(AuditTrail::map)
                .list();
    }

    /** The latest changes within the actor's reach, newest first, each with its record's name where known. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        return search(AuditQuery.ALL, 1, limit).rows();
    }

    /**
     * A page of the changes within the actor's reach that match the query, newest first, each with its record's
     * name where an entry of that record carries one. "Who" matches the login or the person's name.
     */
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery q, int page, int size) {
        Reach orgs = currentActor.require().reach(Permission.AUDIT_READ);
        if (orgs.isEmpty()) {
            return new AuditPage(List.of(), 0, 1, Math.max(1, Math.min(size, 200)));
        }
        StringBuilder where = new StringBuilder(orgs.sql("org_id"));
        Map<String, Object> params = new HashMap<>(orgs.params());
        if (q.who() != null) {
            List<String> actors = new ArrayList<>(people.usernamesMatching(q.who()));
            actors.add(q.who().strip());
            where.append(" and actor in (:actors)");
            params.put("actors", actors);
        }
        if (q.action() != null) {
            where.append(" and action = :action");
            params.put("action", q.action());
        }
        if (q.type() != null) {
            where.append(" and entity_type = :type");
            params.put("type", q.type());
        }
        if (q.id() != null) {
            where.append(" and entity_id = :id");
            params.put("id", q.id().strip());
        }
        if (q.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", q.from().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        if (q.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", q.to().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        long total = jdbc.sql("select count(*) from audit_event where " + where).params(params)
                .query(Long.class).single();
        PageWindow w = PageWindow.of(page, size, total);
        List<AuditEntry> rows = jdbc.sql("select * from audit_event where " + where
                        + " order by occurred_at desc, seq desc limit :limit offset :offset")
                .params(params).param("limit", w.size()).param("offset", w.offset())
                .query(AuditTrail::map).list();
        return new AuditPage(named(rows, orgs), total, w.page(), w.size());
    }

    /** Entries whose own snapshot names no record get the name an earlier entry of that record gave it. */
    private List<AuditEntry> named(List<AuditEntry> rows, Reach orgs) {
        Set<String> ids = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (AuditEntry e : rows) {
            if (e.subjectName() == null) {
                ids.add(e.entityId());
                types.add(e.entityType());
            }
        }
        if (ids.isEmpty()) {
            return rows;
        }
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select entity_type, entity_id, before_state, after_state from audit_event"
                        + " where entity_id in (:ids) and entity_type in (:types) and " + orgs.sql("org_id")
                        + " order by occurred_at, seq")
                .param("ids", List.copyOf(ids)).param("types", List.copyOf(types)).params(orgs.params())
                .query(rs -> {
                    String key = rs.getString(1) + ":" + rs.getString(2);
                    String after = rs.getString(4);
                    String name = AuditEntry.nameIn(after != null ? after : rs.getString(3));
                    if (name != null) {
                        names.put(key, name);
                    }
                });
        return rows.stream().map(e -> e.subjectName() != null ? e
                : e.named(names.get(e.entityType() + ":" + e.entityId()))).toList();
    }

    /**
     * Re-computes every link from the first and checks the chain against the signed checkpoints (the database's
     * and the copy outside it): reports every broken range, see {@link ChainVerification.Kind}.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        return verifyAll(List.of());
    }

    /**
     * As {@link #verify()}, and the database must still agree with an auditor's held copy of the checkpoints
     * (the exported JSON file, or the copy file's lines).
     *
     * @throws IllegalArgumentException when the text is not a checkpoint file
     */
    @Transactional(readOnly = true)
    public ChainVerification verifyAgainst(String heldCheckpoints) {
        return verifyAll(checkpoints.parse(heldCheckpoints));
    }

    /** Every partition's chain, each against its own checkpoints, reported together (root chain first). */
    private ChainVerification verifyAll(List<Checkpoint> held) {
        List<ChainVerification> each = new ArrayList<>();
        for (String chain : chains()) {
            each.add(verify(chain, checkpoints.verifier(chain, held)));
        }
        return ChainVerification.combine(each);
    }

    /** The root chain against the given verifier. */
    ChainVerification verify(ChainVerifier verifier) {
        return verify(ChainHash.ROOT, verifier);
    }

    private ChainVerification verify(String chain, ChainVerifier verifier) {
        jdbc.sql("select * from audit_event where chain = ? order by seq").param(chain).query(rs -> {
            verifier.accept(map(rs, 0));
        });
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where chain = ?").param(chain)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional().orElse(new Head(0, ChainHash.genesis(chain)));
        return verifier.finish(head.lastSeq(), head.lastHash());
    }

    /** Locks the chain's head row, creating it (committed on its own, so racing writers agree) when new. */
    private Head lockHead(String chain) {
        Optional<Head> head = selectHeadForUpdate(chain);
        if (head.isPresent()) {
            return head.get();
        }
        try {
            newChain.executeWithoutResult(tx -> jdbc.sql("""
                    insert into audit_chain_head (id, chain, last_seq, last_hash)
                    select coalesce(max(id), 0) + 1, ?, 0, ? from audit_chain_head
                    where not exists (select 1 from audit_chain_head where chain = ?)""")
                    .params(chain, ChainHash.genesis(chain), chain).update());
        } catch (DataIntegrityViolationException e) {
            log.debug("Audit chain {} created concurrently", chain);
        }
        return selectHeadForUpdate(chain).orElseThrow();
    }

    private Optional<Head> selectHeadForUpdate(String chain) {
        return jdbc.sql("select last_seq, last_hash from audit_chain_head where chain = ? for update").param(chain)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    private @Nullable String toJson(@Nullable Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof String s ? s : json.writeValueAsString(o);
    }

    private static AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getLong("org_id"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"),
                rs.getString("prev_hash"), rs.getString("hash"), null);
    }

    private record Head(long lastSeq, String lastHash) {}
}
