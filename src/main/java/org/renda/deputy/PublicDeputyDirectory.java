package org.renda.deputy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public list of deputies (亮身份): every deputy in office whose nameplate is up, by the congress they sit
 * in, each linking to the public page their nameplate's QR code opens. Names only, as on the nameplates.
 */
@Controller
class PublicDeputyDirectory {

    static final String VIEW = "deputy/public-directory";

    /** A deputy on the list: the name and the public page's code. */
    record Entry(String name, String code) {}

    /** One congress with its deputies, the congress above its towns. */
    record Congress(String name, List<Entry> deputies) {}

    private final JdbcClient jdbc;
    private final OrgTree orgs;

    PublicDeputyDirectory(JdbcClient jdbc, OrgTree orgs) {
        this.jdbc = jdbc;
        this.orgs = orgs;
    }

    @GetMapping("/public/deputies")
    @Transactional(readOnly = true)
    String directory(Model model) {
        model.addAttribute("congresses", congresses());
        return VIEW;
    }

    List<Congress> congresses() {
        Map<Long, List<Entry>> byCongress = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct m.congress_org_id, d.name, d.public_code from deputy d
                join deputy_mandate m on m.deputy_id = d.id
                where d.nameplate_active = true and m.status in ('ELECTED', 'BY_ELECTED')
                order by m.congress_org_id, d.name, d.public_code""")
                .query(rs -> {
                    byCongress.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Entry(rs.getString(2), rs.getString(3)));
                });
        Map<Long, OrgView> congress = new HashMap<>();
        orgs.findAll(byCongress.keySet()).forEach(o -> congress.put(o.id(), o));
        return byCongress.entrySet().stream().filter(e -> congress.containsKey(e.getKey()))
                .sorted(java.util.Comparator.comparing((Map.Entry<Long, List<Entry>> e) -> congress.get(e.getKey()).depth())
                        .thenComparing(e -> congress.get(e.getKey()).code()))
                .map(e -> new Congress(congress.get(e.getKey()).name(), e.getValue())).toList();
    }
}
