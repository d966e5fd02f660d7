package org.renda.shared.db;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Hikari's verdict on a failed statement, set with {@code spring.datasource.hikari.exception-override-class-name}:
 * a connection that answered "read-only transaction" (SQL state 25006) sits on a standby, so it leaves the pool
 * now instead of failing every request it serves until it grows old; the next connection is opened through the
 * multi-host URL ({@code targetServerType=primary}) and reaches the new primary. Hikari already drops connections
 * on class 08 and 57P01–57P03; everything else is left to Hikari's own rules.
 */
public final class EvictStandbyConnections implements SQLExceptionOverride {

    static final String READ_ONLY_TRANSACTION = "25006";

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (READ_ONLY_TRANSACTION.equals(s.getSQLState())) {
                return SQLExceptionOverride.Override.MUST_EVICT;
            }
        }
        return SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
