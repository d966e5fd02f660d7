package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Audit partitions (docs/architecture.md, "Audit partitions"): the one hash chain of the installation becomes
 * one chain per partition (an organisation subtree), each with its own head row and its own sequence of signed
 * checkpoints, so writers in different partitions no longer queue on one row. Existing entries, the head and
 * the checkpoints stay what they are and form the chain {@code 'root'}; its hashes and signatures are unchanged.
 * Entry and checkpoint numbers count per chain, so the primary keys become (chain, seq) and (chain, num). A Java
 * migration because H2 and PostgreSQL drop a primary key with different statements.
 */
public class V14_6__audit_partitions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT).contains("postgres");
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("alter table audit_chain_head add column chain varchar(64) default 'root' not null");
            st.execute("create unique index audit_chain_head_chain on audit_chain_head (chain)");
            for (String table : new String[] {"audit_event", "audit_checkpoint"}) {
                st.execute("alter table " + table + " add column chain varchar(64) default 'root' not null");
                st.execute(postgres ? "alter table " + table + " drop constraint " + table + "_pkey"
                        : "alter table " + table + " drop primary key");
            }
            st.execute("alter table audit_event add primary key (chain, seq)");
            st.execute("alter table audit_checkpoint add primary key (chain, num)");
            // The log's pages list newest first across chains.
            st.execute("create index audit_event_time on audit_event (occurred_at)");
        }
    }
}
