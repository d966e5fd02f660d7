package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Scoping by path (docs/architecture.md): every scoped read filters with
 * {@code org_id in (select id from organisation where path like '/1/3/%')}. H2 answers a prefix LIKE from the
 * plain index on {@code organisation.path} (V1_1); PostgreSQL does so only in the "C" collation, so there the
 * path gets an index in {@code text_pattern_ops} (byte order, whatever the database's collation) that carries
 * the id, so the sub-select is an index-only range scan. A Java migration because the operator class is
 * PostgreSQL's own syntax. The paths themselves exist since V1_1 and are kept by OrgStore on create and move.
 */
public class V14_5__organisation_path_prefix extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("create index organisation_path_prefix on organisation (path text_pattern_ops, id)");
        }
    }
}
