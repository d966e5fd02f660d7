package org.renda.casework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing help at intake: the unit that usually leads on this category here (learned from the
 * organisation's past assignments, else a default by category), and open cases that read alike
 * (Chinese text compared by character bigrams, which needs no word segmentation), so staff can merge
 * duplicates.
 */
@Service
@Transactional(readOnly = true)
public class CaseRouting {

    /** Which department usually answers a category, by its name, when history has nothing yet. */
    static final Map<String, List<String>> DEFAULT_UNITS = Map.ofEntries(
            Map.entry("交通出行", List.of("交通运输局")), Map.entry("教育", List.of("教育局")),
            Map.entry("医疗卫生", List.of("卫生健康局", "医疗保障局")), Map.entry("生态环境", List.of("生态环境局")),
            Map.entry("城乡建设", List.of("住房和城乡建设局", "城市管理综合执法局")),
            Map.entry("农业农村", List.of("农业农村局", "乡村振兴局")), Map.entry("社会保障", List.of("人力资源和社会保障局", "民政局")),
            Map.entry("就业创业", List.of("人力资源和社会保障局")), Map.entry("安全生产", List.of("应急管理局")),
            Map.entry("政务服务", List.of("政务服务数据管理局")));

    static final double SIMILAR_AT = 0.25;

    private final JdbcClient jdbc;
    private final CaseDesk desk;
    private final OrgTree orgs;

    CaseRouting(JdbcClient jdbc, CaseDesk desk, OrgTree orgs) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.orgs = orgs;
    }

    public record Similar(long id, String receiptCode, String title, CaseState state, double score) {}

    public record Advice(@Nullable OrgView suggestedUnit, String basisKey, List<Similar> similar) {}

    public Advice advise(long caseId, List<OrgView> candidates) {
        CaseViews.CaseView c = desk.view(caseId);
        Map<Long, OrgView> byId = new HashMap<>();
        candidates.forEach(o -> byId.put(o.id(), o));
        Optional<OrgView> learned = jdbc.sql("""
                select a.unit_org_id, count(*) as n from case_assignment a join case_item i on i.id = a.case_id
                where i.org_id = ? and i.category = ? and a.lead = true and i.id <> ?
                  and (a.end_reason is null or a.end_reason <> 'RETURN')
                  and not exists (select 1 from case_event e where e.case_id = i.id and e.action = 'RETURN')
                group by a.unit_org_id order by n desc""")
                .params(c.orgId(), c.category(), c.id())
                .query((rs, n) -> rs.getLong(1)).list().stream().map(byId::get).filter(java.util.Objects::nonNull)
                .findFirst();
        OrgView unit = learned.orElse(null);
        String basis = "case.routing.history";
        if (unit == null) {
            basis = "case.routing.category";
            for (String name : DEFAULT_UNITS.getOrDefault(c.category(), List.of())) {
                unit = candidates.stream().filter(o -> o.name().endsWith(name)).findFirst().orElse(null);
                if (unit != null) {
                    break;
                }
            }
        }
        return new Advice(unit, unit == null ? "case.routing.none" : basis, similar(c));
    }

    private List<Similar> similar(CaseViews.CaseView c) {
        Set<String> mine = bigrams(c.title() + " " + c.content() + " " + (c.location() == null ? "" : c.location()));
        List<Similar> out = new ArrayList<>();
        jdbc.sql("""
                select id, receipt_code, title, content, location, state from case_item
                where org_id = ? and id <> ? and state not in ('CLOSED', 'MERGED', 'WITHDRAWN')
                order by created_at desc limit 500""")
                .params(c.orgId(), c.id())
                .query(rs -> {
                    Set<String> other = bigrams(rs.getString("title") + " " + rs.getString("content") + " "
                            + (rs.getString("location") == null ? "" : rs.getString("location")));
                    double score = jaccard(mine, other);
                    if (score >= SIMILAR_AT) {
                        out.add(new Similar(rs.getLong("id"), rs.getString("receipt_code"), rs.getString("title"),
                                CaseState.valueOf(rs.getString("state")), score));
                    }
                });
        out.sort(Comparator.comparingDouble(Similar::score).reversed());
        return out.size() > 5 ? out.subList(0, 5) : out;
    }

    /** Character bigrams of the Chinese and alphanumeric text, punctuation and spaces dropped. */
    static Set<String> bigrams(String text) {
        String t = text.replaceAll("[^\\p{IsHan}\\p{Alnum}]", "");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 1 < t.length(); i++) {
            grams.add(t.substring(i, i + 2));
        }
        return grams;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        return (double) inter.size() / (a.size() + b.size() - inter.size());
    }
}
