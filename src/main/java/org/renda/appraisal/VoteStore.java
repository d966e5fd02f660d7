package org.renda.appraisal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.VoteScale.RateRule;
import org.renda.appraisal.VoteViews.Invariants;
import org.renda.appraisal.VoteViews.LevelView;
import org.renda.appraisal.VoteViews.RollEntry;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteState;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The vote tables. The roll and the ballot box are written by different methods that never share a transaction. */
@Repository
class VoteStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    VoteStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record Row(VoteSummary summary, int paperBallots, @Nullable String exportCsv, @Nullable String sha256,
            @Nullable String signature, @Nullable String publicKey, int version) {}

    long insert(long orgId, @Nullable Long campaignId, String title, VoteScale scale, RateRule rule,
            BigDecimal threshold, String publicCode) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into vote (org_id, campaign_id, title, scale_code, rate_rule, threshold, state, public_code)
                values (?, ?, ?, ?, ?, ?, 'DRAFT', ?)""")
                .params(orgId, campaignId, title, scale.name(), rule.name(), threshold, publicCode)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertLevel(long voteId, long orgId, VoteScale.Level l, int sortNo) {
        jdbc.sql("""
                insert into vote_level (vote_id, org_id, level_code, label, score, satisfied, sort_no)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(voteId, orgId, l.code(), l.label(), l.score(), l.satisfied(), sortNo).update();
    }

    void updateLevel(long voteId, String code, BigDecimal score, boolean satisfied) {
        jdbc.sql("update vote_level set score = ?, satisfied = ? where vote_id = ? and level_code = ?")
                .params(score, satisfied, voteId, code).update();
    }

    long insertSubject(long voteId, long orgId, String title, @Nullable Long subjectOrgId,
            @Nullable Long appraisalSubjectId, int sortNo) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into vote_subject (vote_id, org_id, title, subject_org_id, appraisal_subject_id, sort_no)
                values (?, ?, ?, ?, ?, ?)""")
                .params(voteId, orgId, title, subjectOrgId, appraisalSubjectId, sortNo).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select * from vote where id = ?").param(id).query(VoteStore::row).optional();
    }

    Optional<Row> byPublicCode(String code) {
        return jdbc.sql("select * from vote where public_code = ?").param(code).query(VoteStore::row).optional();
    }

    List<VoteSummary> list(Reach reach, @Nullable Long campaignId) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from vote where " + reach.sql("org_id")
                        + (campaignId == null ? "" : " and campaign_id = :campaign") + " order by id desc")
                .params(reach.params()).param("campaign", campaignId == null ? 0L : campaignId)
                .query(VoteStore::row).list().stream().map(Row::summary).toList();
    }

    /**
     * The votes of the organisations in reach closed from {@code from} up to (not at) {@code to}, in the order they
     * closed.
     */
    List<VoteSummary> closedIn(Reach reach, java.sql.Timestamp from, java.sql.Timestamp to) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from vote where " + reach.sql("org_id")
                        + " and state = 'CLOSED' and closed_at >= :from and closed_at < :to order by id")
                .params(reach.params()).param("from", from).param("to", to).query(VoteStore::row).list().stream()
                .map(Row::summary).toList();
    }

    List<VoteSummary> closed(Reach reach) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from vote where " + reach.sql("org_id") + " and state = 'CLOSED' order by closed_at desc")
                .params(reach.params()).query(VoteStore::row).list().stream().map(Row::summary).toList();
    }

    List<VoteSummary> published() {
        return jdbc.sql("select * from vote where published = true and state = 'CLOSED' order by closed_at desc")
                .query(VoteStore::row).list().stream().map(Row::summary).toList();
    }

    List<LevelView> levels(long voteId) {
        return jdbc.sql("select * from vote_level where vote_id = ? order by sort_no").param(voteId)
                .query((rs, n) -> new LevelView(rs.getString("level_code"), rs.getString("label"),
                        rs.getBigDecimal("score"), rs.getBoolean("satisfied")))
                .list();
    }

    List<SubjectView> subjects(long voteId) {
        return jdbc.sql("select * from vote_subject where vote_id = ? order by sort_no, id").param(voteId)
                .query((rs, n) -> new SubjectView(rs.getLong("id"), rs.getString("title"),
                        (Long) rs.getObject("subject_org_id", Long.class),
                        (Long) rs.getObject("appraisal_subject_id", Long.class), rs.getInt("sort_no")))
                .list();
    }

    // --- the roll: who may vote and who drew a credential (never which one, never when) ---

    void addToRoll(long voteId, long orgId, long deputyId, String name) {
        jdbc.sql("""
                insert into vote_roll (vote_id, org_id, deputy_id, name, issued) values (?, ?, ?, ?, false)
                on conflict do nothing""").params(voteId, orgId, deputyId, name).update();
    }

    List<RollEntry> roll(long voteId) {
        return jdbc.sql("select * from vote_roll where vote_id = ? order by name, id").param(voteId)
                .query((rs, n) -> new RollEntry(rs.getLong("id"), rs.getLong("deputy_id"), rs.getString("name"),
                        rs.getBoolean("issued")))
                .list();
    }

    /** The whole sign-in sheet in one statement per state, so that the table keeps no order of drawing. */
    void markIssued(long voteId, Collection<Long> issuedRollIds) {
        jdbc.sql("update vote_roll set issued = false where vote_id = ?").param(voteId).update();
        if (!issuedRollIds.isEmpty()) {
            jdbc.sql("update vote_roll set issued = true where vote_id = :vote and id in (:ids)")
                    .param("vote", voteId).param("ids", issuedRollIds).update();
        }
    }

    // --- the ballot box: credential hashes and anonymous ballots (never a voter, never a time) ---

    void insertCredential(long voteId, long orgId, String hash) {
        jdbc.sql("insert into vote_credential (code_hash, vote_id, org_id, spent) values (?, ?, ?, false)")
                .params(hash, voteId, orgId).update();
    }

    /**
     * Locks the vote's row while it is open, so that a ballot and the close are ordered: a ballot either
     * commits before the close reads the box, or finds the vote closed. Answers 0 when not open.
     */
    int lockOpen(long voteId) {
        return jdbc.sql("update vote set version = version where id = ? and state = 'OPEN'").param(voteId).update();
    }

    /** Exactly once, also under concurrent replays: only one transaction can turn an unspent credential spent. */
    int spend(long voteId, String hash) {
        return jdbc.sql("update vote_credential set spent = true where code_hash = ? and vote_id = ? and spent = false")
                .params(hash, voteId).update();
    }

    void insertBallot(UUID id, long voteId, long orgId, String choices) {
        jdbc.sql("insert into ballot (id, vote_id, org_id, choices) values (?, ?, ?, ?)")
                .params(id, voteId, orgId, choices).update();
    }

    /** Writes ballots again in the given order (the close's random one), all in the caller's transaction. */
    void insertBallots(long voteId, long orgId, List<Map.Entry<UUID, String>> ballots) {
        batch.batchUpdate("insert into ballot (id, vote_id, org_id, choices) values (?, ?, ?, ?)",
                ballots.stream().map(b -> new Object[] {b.getKey(), voteId, orgId, b.getValue()}).toList());
    }

    List<String> ballots(long voteId) {
        return jdbc.sql("select choices from ballot where vote_id = ?").param(voteId).query(String.class).list();
    }

    void deleteBallots(long voteId) {
        jdbc.sql("delete from ballot where vote_id = ?").param(voteId).update();
    }

    /** A credential as the close reads it before writing it again: its hash and whether it was spent. */
    record Credential(String codeHash, boolean spent) {}

    List<Credential> credentials(long voteId) {
        return jdbc.sql("select code_hash, spent from vote_credential where vote_id = ?").param(voteId)
                .query((rs, n) -> new Credential(rs.getString(1), rs.getBoolean(2))).list();
    }

    void deleteCredentials(long voteId) {
        jdbc.sql("delete from vote_credential where vote_id = ?").param(voteId).update();
    }

    /** Writes credentials again in the given order (the close's random one), all in the caller's transaction. */
    void insertCredentials(long voteId, long orgId, List<Credential> credentials) {
        batch.batchUpdate("insert into vote_credential (code_hash, vote_id, org_id, spent) values (?, ?, ?, ?)",
                credentials.stream().map(c -> new Object[] {c.codeHash(), voteId, orgId, c.spent()}).toList());
    }

    Invariants invariants(long voteId, int paperBallots) {
        return jdbc.sql("""
                select (select count(*) from vote_roll where vote_id = :v),
                       (select count(*) from vote_roll where vote_id = :v and issued = true),
                       (select count(*) from vote_credential where vote_id = :v),
                       (select count(*) from vote_credential where vote_id = :v and spent = true),
                       (select count(*) from ballot where vote_id = :v)""")
                .param("v", voteId)
                .query((rs, n) -> new Invariants(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        paperBallots))
                .single();
    }

    // --- paper tallies ---

    Map<Long, Map<String, Integer>> paper(long voteId) {
        Map<Long, Map<String, Integer>> out = new HashMap<>();
        jdbc.sql("select subject_id, level_code, tally from vote_paper_tally where vote_id = ?").param(voteId)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                        rs.getInt(3)))
                .list();
        return out;
    }

    void replacePaper(long voteId, long orgId, int paperBallots, Map<Long, Map<String, Integer>> tallies) {
        jdbc.sql("delete from vote_paper_tally where vote_id = ?").param(voteId).update();
        tallies.forEach((subject, byLevel) -> byLevel.forEach((level, n) -> {
            if (n > 0) {
                jdbc.sql("""
                        insert into vote_paper_tally (vote_id, subject_id, org_id, level_code, tally)
                        values (?, ?, ?, ?, ?)""").params(voteId, subject, orgId, level, n).update();
            }
        }));
        jdbc.sql("update vote set paper_ballots = ?, version = version + 1 where id = ?").params(paperBallots, voteId)
                .update();
    }

    // --- state ---

    int open(long voteId) {
        return jdbc.sql("update vote set state = 'OPEN', opened_at = ?, version = version + 1 where id = ? and state = 'DRAFT'")
                .params(OffsetDateTime.now(ZoneOffset.UTC), voteId).update();
    }

    int close(long voteId) {
        return jdbc.sql("update vote set state = 'CLOSED', closed_at = ?, version = version + 1 where id = ? and state = 'OPEN'")
                .params(OffsetDateTime.now(ZoneOffset.UTC), voteId).update();
    }

    void seal(long voteId, String csv, String sha256, String signature, String publicKey) {
        jdbc.sql("update vote set export_csv = ?, export_sha256 = ?, signature = ?, public_key = ? where id = ?")
                .params(csv, sha256, signature, publicKey, voteId).update();
    }

    void publish(long voteId, boolean on) {
        jdbc.sql("update vote set published = ?, version = version + 1 where id = ?").params(on, voteId).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime opened = rs.getObject("opened_at", OffsetDateTime.class);
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        VoteSummary s = new VoteSummary(rs.getLong("id"), rs.getLong("org_id"),
                (Long) rs.getObject("campaign_id", Long.class), rs.getString("title"),
                VoteScale.valueOf(rs.getString("scale_code")), RateRule.valueOf(rs.getString("rate_rule")),
                rs.getBigDecimal("threshold"), VoteState.valueOf(rs.getString("state")), rs.getString("public_code"),
                rs.getBoolean("published"), opened == null ? null : opened.toInstant(),
                closed == null ? null : closed.toInstant());
        return new Row(s, rs.getInt("paper_ballots"), rs.getString("export_csv"), rs.getString("export_sha256"),
                rs.getString("signature"), rs.getString("public_key"), rs.getInt("version"));
    }
}
