package org.renda.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.renda.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deadline_rule table; nothing outside this module touches it. */
@Repository
class RuleStore {

    private static final String COLUMNS = "org_id, code, amount, unit, reminder_days_before, version";

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DeadlineRule> all() {
        return jdbc.sql("select " + COLUMNS + " from deadline_rule order by code, org_id").query(RuleStore::map).list();
    }

    Optional<DeadlineRule> find(long orgId, String code) {
        return jdbc.sql("select " + COLUMNS + " from deadline_rule where org_id = ? and code = ?").params(orgId, code)
                .query(RuleStore::map).optional();
    }

    void insert(long orgId, String code, int amount, DeadlineUnit unit, int reminderDaysBefore) {
        jdbc.sql("""
                insert into deadline_rule (org_id, code, amount, unit, reminder_days_before, version, updated_at)
                values (?, ?, ?, ?, ?, 0, ?)""")
                .params(orgId, code, amount, unit.name(), reminderDaysBefore, OffsetDateTime.now()).update();
    }

    void update(long orgId, String code, int expectedVersion, int amount, DeadlineUnit unit, int reminderDaysBefore) {
        int n = jdbc.sql("""
                update deadline_rule set amount = ?, unit = ?, reminder_days_before = ?, version = version + 1,
                                         updated_at = ?
                where org_id = ? and code = ? and version = ?""")
                .params(amount, unit.name(), reminderDaysBefore, OffsetDateTime.now(), orgId, code, expectedVersion)
                .update();
        if (n != 1) {
            throw new DomainException("error.concurrentEdit");
        }
    }

    void delete(long orgId, String code) {
        jdbc.sql("delete from deadline_rule where org_id = ? and code = ?").params(orgId, code).update();
    }

    private static DeadlineRule map(ResultSet rs, int n) throws SQLException {
        return new DeadlineRule(rs.getLong("org_id"), rs.getString("code"), rs.getInt("amount"),
                DeadlineUnit.valueOf(rs.getString("unit")), rs.getInt("reminder_days_before"), rs.getInt("version"));
    }
}
