package org.renda.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renda.support.RendaIntegrationTest;
import org.renda.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's database role may add to the audit log but not change or remove it. On PostgreSQL the
 * shipped docs/sql/app-role.sql sets the role up; on the embedded H2 (one user, no production role) the same
 * audit-table grants are made in H2's syntax, so the behaviour is checked on both.
 */
@RendaIntegrationTest
class AuditPrivilegesTest {

    @Autowired JdbcClient jdbc;
    @Value("${spring.datasource.url}") String url;

    @BeforeEach
    void createTheApplicationRole() throws Exception {
        if (TestDatabases.postgres()) {
            jdbc.sql(Files.readString(Path.of("docs/sql/app-role.sql"))).update();
        } else {
            jdbc.sql("create user if not exists renda_app password 'app'").update();
            jdbc.sql("grant select, insert on audit_event, audit_checkpoint to renda_app").update();
            jdbc.sql("grant select, update on audit_chain_head to renda_app").update();
        }
    }

    private Connection asApplication() throws SQLException {
        // H2 applies the URL's settings on every connection, and only an administrator may: open the database bare.
        return DriverManager.getConnection(TestDatabases.postgres() ? url : url.split(";")[0], "renda_app", "app");
    }

    @Test
    void theApplicationRoleAppendsToTheAuditLogButCannotUpdateDeleteOrTruncateIt() throws Exception {
        try (Connection app = asApplication(); Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            int added = s.executeUpdate("""
                    insert into audit_event (seq, org_id, occurred_at, actor, action, entity_type, entity_id,
                                             prev_hash, hash)
                    values (-1, 1, current_timestamp, 'probe', 'CREATED', 'probe', '1', 'x', 'y')""");
            assertThat(added).isEqualTo(1);
            added = s.executeUpdate("""
                    insert into audit_checkpoint (num, head_seq, head_hash, signed_at, previous, key_fingerprint,
                                                  public_key, signature)
                    values (-1, 0, 'x', current_timestamp, 'x', 'x', 'x', 'x')""");
            assertThat(added).isEqualTo(1);
            app.rollback();
            assertThat(s.executeUpdate("update audit_chain_head set last_seq = last_seq where id = 1")).isEqualTo(1);
            app.rollback();

            for (String refused : new String[] {"update audit_event set actor = 'x' where seq = 1",
                    "delete from audit_event where seq = 1", "update audit_checkpoint set head_hash = 'x'",
                    "delete from audit_checkpoint", "delete from audit_chain_head"}) {
                assertThatThrownBy(() -> s.executeUpdate(refused)).as(refused).isInstanceOf(SQLException.class);
                app.rollback();
            }
            if (TestDatabases.postgres()) {
                for (String refused : new String[] {"truncate audit_event", "truncate audit_checkpoint",
                        "insert into flyway_schema_history (installed_rank) values (-1)"}) {
                    assertThatThrownBy(() -> s.executeUpdate(refused)).as(refused).isInstanceOf(SQLException.class);
                    app.rollback();
                }
            }
        }
    }
}
