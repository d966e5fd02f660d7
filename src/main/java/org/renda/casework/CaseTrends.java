package org.renda.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's casework figures per receiving organisation and month of receipt, for dashboards. The
 * definitions are those of {@link CaseFigures} (the 办理统计 page), so the two always agree: a case counts in
 * the month it was received (Beijing time), merged and withdrawn cases do not count, closed means closed,
 * overdue means a unit still owes the answer after its due date, satisfaction is satisfied or basically
 * satisfied among the rated.
 */
@Service
@Transactional(readOnly = true)
public class CaseTrends {

    /** The figures of one organisation in one month (1-12). */
    public record Cell(long orgId, int month, long collected, long closed, long overdue, long rated, long satisfied) {}

    /** Which cases behind a figure a drill-down lists. */
    public enum Measure {
        COLLECTED("1 = 1"),
        CLOSED("state = 'CLOSED'"),
        OVERDUE("state in ('ASSIGNED', 'IN_PROGRESS', 'REHANDLING') and due_on < :today"),
        RATED("rating is not null"),
        SATISFIED("rating in ('SATISFIED', 'BASICALLY_SATISFIED')");

        private final String condition;

        Measure(String condition) {
            this.condition = condition;
        }
    }

    /** One case as a drill-down lists it. */
    public record CaseLine(long id, long orgId, String receiptCode, String title, CaseState state,
            LocalDate receivedOn, @Nullable LocalDate dueOn) {}

    private static final String COUNTED = " and state not in ('MERGED', 'WITHDRAWN')";

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;

    CaseTrends(JdbcClient jdbc, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
    }

    /** The cases of the year received by the organisations given (a subtree) within the actor's reach. */
    public List<Cell> byOrgAndMonth(Collection<Long> within, int year, LocalDate today) {
        Reach reach = currentActor.reach(Permission.CASE_READ).narrow(within);
        if (reach.isEmpty()) {
            return List.of();
        }
        String month = monthOf();
        return jdbc.sql("""
                select org_id, m, count(*),
                       sum(case when state = 'CLOSED' then 1 else 0 end),
                       sum(case when state in ('ASSIGNED', 'IN_PROGRESS', 'REHANDLING') and due_on < :today then 1 else 0 end),
                       sum(case when rating is not null then 1 else 0 end),
                       sum(case when rating in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end)
                  from (select org_id, state, due_on, rating, %s as m from case_item
                         where %s and created_at >= :m1 and created_at < :m13%s) received
                 group by org_id, m order by org_id, m""".formatted(month, reach.sql("org_id"), COUNTED))
                .params(reach.params()).params(bounds(year)).param("today", today)
                .query((rs, n) -> new Cell(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /** The cases behind one figure: of the organisations given, the year or one month of it, newest first. */
    public List<CaseLine> cases(Collection<Long> within, int year, @Nullable Integer month, Measure measure,
            LocalDate today, int limit) {
        Reach reach = currentActor.reach(Permission.CASE_READ).narrow(within);
        if (reach.isEmpty()) {
            return List.of();
        }
        Map<String, Object> b = bounds(year);
        Object from = month == null ? b.get("m1") : b.get("m" + month);
        Object to = month == null ? b.get("m13") : b.get("m" + (month + 1));
        return jdbc.sql("select id, org_id, receipt_code, title, state, created_at, due_on from case_item where "
                        + reach.sql("org_id") + " and created_at >= :from and created_at < :to" + COUNTED + " and "
                        + measure.condition + " order by created_at desc, id desc limit :limit")
                .params(reach.params()).param("from", from).param("to", to).param("today", today)
                .param("limit", limit)
                .query((rs, n) -> new CaseLine(rs.getLong("id"), rs.getLong("org_id"), rs.getString("receipt_code"),
                        rs.getString("title"), CaseState.valueOf(rs.getString("state")),
                        rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(ZoneId.systemDefault())
                                .toLocalDate(),
                        rs.getObject("due_on", LocalDate.class)))
                .list();
    }

    /** The month of receipt as 1-12 from the bounds :m2..:m12 (Beijing time, on every database alike). */
    private static String monthOf() {
        return IntStream.rangeClosed(2, 12).mapToObj(m -> "when created_at < :m" + m + " then " + (m - 1))
                .collect(Collectors.joining(" ", "(case ", " else 12 end)"));
    }

    /** :m1 .. :m13, the starts of the months of the year and of the next January. */
    private static Map<String, Object> bounds(int year) {
        ZoneId zone = ZoneId.systemDefault();
        return IntStream.rangeClosed(1, 13).boxed().collect(Collectors.toMap(m -> "m" + m, m -> {
            Instant start = LocalDate.of(year, 1, 1).plusMonths(m - 1).atStartOfDay(zone).toInstant();
            return OffsetDateTime.ofInstant(start, ZoneOffset.UTC);
        }));
    }
}
