package org.renda.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** What the application calls "the database is away for a moment" (503, retry) and what stays a fault (500/400). */
class DatabaseOutageTest {

    @Test
    void noConnectionFromThePoolWhileTheStandbyIsPromotedIsAnOutage() {
        // What Hikari throws after connection-timeout when neither server answers as primary.
        var timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("no connection", timeout))).isTrue();
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("no connection", timeout))).isTrue();
        assertThat(DatabaseOutage.isOutage(timeout)).isTrue();
    }

    @Test
    void aConnectionCutWhenThePrimaryDiesIsAnOutage() {
        // The driver's "An I/O error occurred while sending to the backend" (08006), as Spring translates it.
        var io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("insert", io))).isTrue();
        // A commit that failed because the server shut down under it (57P01 admin_shutdown).
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("Could not commit", shutdown))).isTrue();
        // The server is starting up after a crash (57P03 cannot_connect_now).
        assertThat(DatabaseOutage.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aRollbackThatFailsAfterTheConnectionBrokeIsAnOutage() {
        // Seen in the failover drill: the statement failed with an I/O error, Hikari closed the connection, the
        // rollback then failed with Hikari's "Connection is closed" (no SQL state), and Spring threw that one.
        var io = new DataAccessResourceFailureException("select ... for update",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(io);
        assertThat(DatabaseOutage.isOutage(rollback)).isTrue();
        // A rollback failure after an ordinary fault stays a fault.
        var other = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        other.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseOutage.isOutage(other)).isFalse();
    }

    @Test
    void aWriteThatReachedTheStandbyIsAnOutage() {
        var readOnly = new SQLException("cannot execute INSERT in a read-only transaction", "25006");
        assertThat(DatabaseOutage.isOutage(new UncategorizedSQLException("insert", "insert into case_item", readOnly)))
                .isTrue();
    }

    @Test
    void aRefusedValueOrABrokenStatementIsNoOutage() {
        assertThat(DatabaseOutage.isOutage(new DuplicateKeyException("dup",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("too long",
                new SQLException("value too long", "22001")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new BadSqlGrammarException("select", "selct 1",
                new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isOutage(null)).isFalse();
    }

    @Test
    void aCauseChainThatLoopsDoesNotHang() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseOutage.isOutage(a)).isFalse();
    }

    @Test
    void aPooledConnectionThatAnswersReadOnlyLeavesThePool() {
        var evict = new EvictStandbyConnections();
        assertThat(evict.adjudicate(new SQLException("cannot execute UPDATE in a read-only transaction", "25006")))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        var batch = new SQLException("Batch entry 0 was aborted", "25006");
        var wrapper = new SQLException("batch failed", (String) null);
        wrapper.setNextException(batch);
        assertThat(evict.adjudicate(wrapper)).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
    }

    @Test
    void otherFailuresAreLeftToHikarisOwnRules() {
        var evict = new EvictStandbyConnections();
        assertThat(evict.adjudicate(new SQLException("duplicate key", "23505")))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
        assertThat(evict.adjudicate(new SQLException("I/O error", "08006")))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }
}
