package org.renda.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renda.casework.CaseViews.Figures;
import org.renda.org.OrgTree;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.excel.Xlsx;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures every report quotes (collected, closed, closure rate, overdue, satisfaction) for the cases
 * received in a period, grouped by receiving organisation, category or lead unit, within the actor's reach.
 */
@Service
@Transactional(readOnly = true)
public class CaseFigures {

    public enum By { ORG, CATEGORY, UNIT }

    private final CaseStore store;
    private final OrgTree orgs;
    private final CurrentActor currentActor;

    CaseFigures(CaseStore store, OrgTree orgs, CurrentActor currentActor) {
        this.store = store;
        this.orgs = orgs;
        this.currentActor = currentActor;
    }

    /** One row per group and a total row last. */
    public List<Figures> figures(By by, LocalDate from, LocalDate to) {
        var reach = currentActor.reach(Permission.CASE_READ);
        ZoneId zone = ZoneId.systemDefault();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        String column = switch (by) {
            case ORG -> "org_id";
            case CATEGORY -> "category";
            case UNIT -> "coalesce((select a.unit_org_id from case_assignment a where a.case_id = case_item.id"
                    + " and a.lead = true order by a.id desc limit 1), 0)";
        };
        List<Object[]> raw = store.figures(reach, start, end, LocalDate.now(), column);
        Map<Long, String> names = new HashMap<>();
        if (by != By.CATEGORY) {
            orgs.findAll(raw.stream().map(r -> ((Number) r[0]).longValue()).toList())
                    .forEach(o -> names.put(o.id(), o.name()));
        }
        List<Figures> out = new ArrayList<>();
        long[] total = new long[5];
        for (Object[] r : raw) {
            String label = by == By.CATEGORY ? String.valueOf(r[0])
                    : names.getOrDefault(((Number) r[0]).longValue(), "未交办");
            Figures f = new Figures(label, (long) r[1], (long) r[2], (long) r[3], (long) r[4], (long) r[5]);
            out.add(f);
            total[0] += f.collected();
            total[1] += f.closed();
            total[2] += f.overdue();
            total[3] += f.rated();
            total[4] += f.satisfied();
        }
        out.add(new Figures("合计", total[0], total[1], total[2], total[3], total[4]));
        return out;
    }

    public byte[] export(By by, LocalDate from, LocalDate to) {
        List<List<?>> rows = figures(by, from, to).stream().<List<?>>map(f -> List.of(f.label(), f.collected(),
                f.closed(), percent(f.closureRate()), f.overdue(), f.rated(), percent(f.satisfactionRate()))).toList();
        return Xlsx.write("意见建议办理统计", List.of("统计对象", "收集件数", "办结件数", "办结率", "超期件数", "已评价件数",
                "满意率"), rows);
    }

    private static String percent(double rate) {
        return String.format("%.1f%%", rate * 100);
    }
}
