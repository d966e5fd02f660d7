package org.renda.casework;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Actor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases waiting for someone, counted and listed for their home page: a handling unit's cases to sign for,
 * to reply to and overdue; staff's cases to assign and to close; the overdue and key-supervised cases of an
 * organisation. Each bucket is one condition, so the count on the home page and the list behind it agree.
 * A unit sees the cases its active assignments name; staff the cases of the organisations they reach.
 */
@Service
@Transactional(readOnly = true)
public class CaseWorkload {

    /** What waits, and for whom (the permission whose reach scopes it). */
    public enum Bucket {
        /** Assigned to the unit, not yet signed for (or returned). */
        TO_SIGN(Permission.CASE_HANDLE),
        /** Signed for (or sent back for re-handling), the reply still owed. */
        TO_REPLY(Permission.CASE_HANDLE),
        /** The unit's reply is past its due date. */
        UNIT_OVERDUE(Permission.CASE_HANDLE),
        /** Received, triaged or returned by a unit: staff must assign it (分办). */
        TO_ASSIGN(Permission.CASE_WRITE),
        /** Replied: staff record the satisfaction and close it. */
        TO_CLOSE(Permission.CASE_WRITE),
        /** Awaiting a unit past its due date, in the organisations the actor reads. */
        OVERDUE(Permission.CASE_READ),
        /** Open and under key supervision (重点督办). */
        SUPERVISED(Permission.CASE_SUPERVISE);

        private final Permission permission;

        Bucket(Permission permission) {
            this.permission = permission;
        }

        public Permission permission() {
            return permission;
        }

        public String messageKey() {
            return "home.cases." + name();
        }
    }

    /** A case in a bucket, as its list shows it. */
    public record Line(long id, long orgId, String receiptCode, String title, CaseState state,
            @Nullable LocalDate dueOn, boolean keySupervised) {

        public boolean overdue(LocalDate today) {
            return state.awaitingUnit() && dueOn != null && dueOn.isBefore(today);
        }
    }

    private static final String UNIT_CASES = """
            exists (select 1 from case_assignment a where a.case_id = c.id and a.ended_at is null and %s%s)""";

    private final JdbcClient jdbc;

    CaseWorkload(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The buckets the actor holds the permission for, each with its count (zero ones included). */
    public Map<Bucket, Long> counts(Actor actor, LocalDate today) {
        Map<Bucket, Long> out = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            if (actor.canAny(b.permission()) || actor.isSystem()) {
                Map<String, Object> p = new HashMap<>();
                String where = where(b, actor.reach(b.permission()), today, p);
                out.put(b, jdbc.sql("select count(*) from case_item c where " + where).params(p).query(Long.class)
                        .single());
            }
        }
        return out;
    }

    /** The cases of one bucket, the longest waiting first; empty when the actor lacks its permission. */
    public List<Line> list(Actor actor, Bucket bucket, LocalDate today, int limit) {
        Reach reach = actor.reach(bucket.permission());
        if (reach.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>();
        String where = where(bucket, reach, today, p);
        p.put("limit", limit);
        return jdbc.sql("select c.* from case_item c where " + where
                        + " order by c.due_on nulls last, c.created_at, c.id limit :limit")
                .params(p)
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getLong("org_id"), rs.getString("receipt_code"),
                        rs.getString("title"), CaseState.valueOf(rs.getString("state")),
                        rs.getObject("due_on", LocalDate.class), rs.getString("key_supervisor") != null))
                .list();
    }

    private static String where(Bucket b, Reach reach, LocalDate today, Map<String, Object> p) {
        if (reach.isEmpty()) {
            return "1 = 0";
        }
        p.putAll(reach.params());
        String unit = UNIT_CASES.formatted(reach.sql("a.unit_org_id"), "");
        return switch (b) {
            case TO_SIGN -> "c.state = 'ASSIGNED' and "
                    + UNIT_CASES.formatted(reach.sql("a.unit_org_id"), " and a.signed_at is null");
            case TO_REPLY -> "c.state in ('IN_PROGRESS', 'REHANDLING') and " + unit;
            case UNIT_OVERDUE -> overdue(today, p) + " and " + unit;
            case TO_ASSIGN -> "c.state in ('RECEIVED', 'TRIAGED', 'RETURNED') and " + reach.sql("c.org_id");
            case TO_CLOSE -> "c.state = 'REPLIED' and " + reach.sql("c.org_id");
            case OVERDUE -> overdue(today, p) + " and " + reach.sql("c.org_id");
            case SUPERVISED -> "c.key_supervisor is not null and c.state not in ('CLOSED', 'MERGED', 'WITHDRAWN')"
                    + " and " + reach.sql("c.org_id");
        };
    }

    private static String overdue(LocalDate today, Map<String, Object> p) {
        p.put("today", today);
        return "c.state in ('ASSIGNED', 'IN_PROGRESS', 'REHANDLING') and c.due_on < :today";
    }
}
