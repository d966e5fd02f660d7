package org.renda.appraisal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The close's re-mix of the ballot box, so that nothing in the database keeps the order of voting.
 *
 * <p>While a vote is open, each ballot is one transaction that flips its credential to spent and inserts the
 * ballot: on PostgreSQL both row versions carry that transaction's id ({@code xmin}) and land in the order of
 * voting ({@code ctid}); on H2 the ballot's hidden {@code _rowid_} follows the order of insertion. At the close,
 * in the close's transaction, both tables' rows of the vote are read, deleted and written again in a
 * {@link SecureRandom} order: the ballots under new random ids, the credentials with their hash and spent flag.
 * Afterwards every row of the vote has the close's {@code xmin}, and physical order, ids and transaction ids
 * relate no credential to a ballot.
 *
 * <p>The old row versions are still on the pages as dead tuples (with the casting transactions' ids and the
 * ballots' first ids) until vacuumed. {@code VACUUM} cannot run inside a transaction, so once the close commits
 * this runs it on a separate autocommit connection ({@code renda.appraisal.close-vacuum}):
 * <ul>
 *   <li>{@code FULL} (default): {@code VACUUM (FULL) ballot, vote_credential} rewrites both tables and their
 *       indexes into new files holding only the live rows. It takes an exclusive lock for a moment (ballots of
 *       other open votes wait that long); if the lock is not granted within
 *       {@code renda.appraisal.close-vacuum-lock-timeout} (5 s, e.g. a backup is reading the tables) it falls
 *       back to plain {@code VACUUM} and logs a warning to run the full one by hand.</li>
 *   <li>{@code PLAIN}: plain {@code VACUUM} frees the dead tuples' line pointers, but their bytes may stay in the
 *       pages' free space until overwritten.</li>
 *   <li>{@code OFF}: nothing (the operator vacuums).</li>
 * </ul>
 * A snapshot older than the close (a long report, a running {@code pg_dump}) keeps dead tuples alive even
 * through a full vacuum; the WAL keeps the old rows until it is recycled (see docs/appraisal-voting.md).
 *
 * <p>On H2 nothing is run: H2 has no {@code VACUUM}; its MVStore is append-only and drops old page versions by
 * its own background compaction ({@code SHUTDOWN COMPACT} needs the database closed), and row versions carry no
 * transaction id an SQL user could read. H2 is the embedded development and demo database; a vote whose
 * database administrator is part of the threat runs on PostgreSQL.
 */
@Component
class BoxRemix {

    enum Vacuum { FULL, PLAIN, OFF }

    private static final Logger log = LoggerFactory.getLogger(BoxRemix.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VoteStore store;
    private final DataSource dataSource;
    private final Vacuum vacuum;
    private final Duration lockTimeout;

    BoxRemix(VoteStore store, DataSource dataSource, @Value("${renda.appraisal.close-vacuum:FULL}") String vacuum,
            @Value("${renda.appraisal.close-vacuum-lock-timeout:5s}") Duration lockTimeout) {
        this.store = store;
        this.dataSource = dataSource;
        this.vacuum = Vacuum.valueOf(vacuum.strip().toUpperCase(Locale.ROOT));
        this.lockTimeout = lockTimeout;
    }

    /**
     * Rewrites the vote's ballots and credentials in a random order, in the caller's (the close's) transaction,
     * and has the tables vacuumed once it commits. Answers the ballots under their new ids.
     */
    List<Map.Entry<String, Map<Long, String>>> remix(long voteId, long orgId) {
        List<String> raw = new ArrayList<>(store.ballots(voteId));
        store.deleteBallots(voteId);
        Collections.shuffle(raw, RANDOM);
        List<Map.Entry<UUID, String>> rows = new ArrayList<>();
        List<Map.Entry<String, Map<Long, String>>> ballots = new ArrayList<>();
        for (String choices : raw) {
            UUID id = UUID.randomUUID();
            rows.add(new AbstractMap.SimpleEntry<>(id, choices));
            ballots.add(new AbstractMap.SimpleEntry<>(id.toString(), BallotBox.decode(choices)));
        }
        store.insertBallots(voteId, orgId, rows);

        List<VoteStore.Credential> credentials = new ArrayList<>(store.credentials(voteId));
        store.deleteCredentials(voteId);
        Collections.shuffle(credentials, RANDOM);
        store.insertCredentials(voteId, orgId, credentials);

        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    vacuum();
                }
            });
        }
        return ballots;
    }

    /**
     * Vacuums the ballot box's tables on a connection of its own, outside any transaction. Answers what ran:
     * {@code OFF} when switched off or not on PostgreSQL. Never throws: the close has committed already.
     */
    Vacuum vacuum() {
        if (vacuum == Vacuum.OFF) {
            return Vacuum.OFF;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                return Vacuum.OFF;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                if (vacuum == Vacuum.FULL) {
                    st.execute("set lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
                    try {
                        st.execute("vacuum (full) ballot, vote_credential");
                        warnings(st);
                        return Vacuum.FULL;
                    } catch (SQLException e) {
                        log.warn("VACUUM FULL of the ballot box after a vote's close did not run ({}); plain VACUUM "
                                + "instead: run 'VACUUM (FULL) ballot, vote_credential' when the tables are quiet",
                                e.getMessage());
                    } finally {
                        st.execute("reset lock_timeout");
                    }
                }
                st.execute("vacuum ballot, vote_credential");
                warnings(st);
                return Vacuum.PLAIN;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            log.warn("VACUUM of the ballot box after a vote's close failed: {}", e.getMessage());
            return Vacuum.OFF;
        }
    }

    /** PostgreSQL answers a table it may not vacuum (not its owner) with a warning, not an error: say so. */
    private static void warnings(Statement st) throws SQLException {
        for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
            log.warn("VACUUM of the ballot box after a vote's close: {}", w.getMessage());
        }
        st.clearWarnings();
    }
}
