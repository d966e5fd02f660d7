package org.renda.shared.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is away for a moment (a failover to the standby, a restart, no connection to be had) from
 * a fault in the request. The first is worth retrying with the same request (the public API's Idempotency-Key makes
 * that safe), so the API answers 503 with Retry-After and the pages say "try again in a few seconds" instead of an
 * internal error; the second stays a 500.
 *
 * <p>What counts: no connection from the pool ({@link CannotCreateTransactionException}, Spring's
 * {@link DataAccessResourceFailureException}s, {@link SQLTransientConnectionException}), and any SQL state of class
 * 08 (connection exception), 57P01–57P03 (the server is shutting down or starting), and 25006 (a write on a
 * read-only server: a connection that reached a standby). When the rollback after such a failure fails as well,
 * Spring throws the rollback's {@link TransactionSystemException} and keeps the first failure as its application
 * exception, which is what is looked at then.
 */
public final class DatabaseOutage {

    /** SQL states, besides class 08, that mean "the server is away", not "your statement is wrong". */
    static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "25006");

    private DatabaseOutage() {}

    /** Whether the exception, or one of its causes, says the database cannot be reached or written right now. */
    public static boolean isOutage(@Nullable Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && isOutageState(s.getSQLState())) {
                return true;
            }
            // The connection broke mid-transaction, so the rollback failed too ("Connection is closed", no SQL
            // state) and Spring threw that instead; the failure that started it is kept aside.
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null
                    && tse.getApplicationException() != e && isOutage(tse.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a SQL state means the server is away or read-only (see the class comment). */
    public static boolean isOutageState(@Nullable String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || STATES.contains(sqlState));
    }
}
