package org.renda.deputy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's duty records per organisation, month (of the duty, not of its entry) and type, for dashboards:
 * verified ones (those the archives count) and those still waiting for review; rejected ones do not count.
 */
@Service
@Transactional(readOnly = true)
public class DutyTrends {

    public record Cell(long orgId, int month, DutyType type, long verified, long submitted) {}

    public record DutyLine(long id, long orgId, String deputyName, DutyType type, String title, LocalDate occurredOn,
            DutyStatus status) {}

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;

    DutyTrends(JdbcClient jdbc, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
    }

    /** The duty records of the organisations given (a subtree) within the actor's reach, in the year. */
    public List<Cell> byOrgMonthAndType(Collection<Long> within, int year) {
        Reach reach = currentActor.reach(Permission.DEPUTY_READ).narrow(within);
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select org_id, extract(month from occurred_on) as m, type,
                       sum(case when status = 'VERIFIED' then 1 else 0 end),
                       sum(case when status = 'SUBMITTED' then 1 else 0 end)
                  from duty_record where %s and occurred_on between :from and :to and status <> 'REJECTED'
                 group by org_id, extract(month from occurred_on), type
                 order by org_id, m, type""".formatted(reach.sql("org_id")))
                .params(reach.params()).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Cell(rs.getLong(1), rs.getInt(2), DutyType.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** The records behind a figure: the year or one month, of one type or all, newest first. */
    public List<DutyLine> records(Collection<Long> within, int year, @Nullable Integer month, @Nullable DutyType type,
            int limit) {
        Reach reach = currentActor.reach(Permission.DEPUTY_READ).narrow(within);
        if (reach.isEmpty()) {
            return List.of();
        }
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate to = month == null ? LocalDate.of(year, 12, 31) : from.plusMonths(1).minusDays(1);
        return jdbc.sql("""
                select r.id, r.org_id, d.name, r.type, r.title, r.occurred_on, r.status
                  from duty_record r join deputy d on d.id = r.deputy_id
                 where %s and r.occurred_on between :from and :to and r.status <> 'REJECTED'
                   and (:type = '' or r.type = :type)
                 order by r.occurred_on desc, r.id desc limit :limit""".formatted(reach.sql("r.org_id")))
                .params(reach.params()).param("from", from).param("to", to)
                .param("type", type == null ? "" : type.name()).param("limit", limit)
                .query((rs, n) -> new DutyLine(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        DutyType.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
                        DutyStatus.valueOf(rs.getString(7))))
                .list();
    }
}
