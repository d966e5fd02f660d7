package org.renda.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The congresses that have a public site: every active county (its standing committee), town and street, the same
 * the public may address an opinion to. The visitor's home page lists them, each county with its towns.
 */
@Service
@Transactional(readOnly = true)
public class Congresses {

    static final Set<OrgType> WITH_PORTAL = EnumSet.of(OrgType.COUNTY, OrgType.TOWN, OrgType.STREET);

    /** A congress on the list: its code opens its site. */
    public record Congress(String code, String name, OrgType type) {

        /** The message key of the congress's title: 清河县人大常委会, 安澜镇人大, 城关街道人大工委. */
        public String titleKey() {
            return "portal.c.name." + type.name();
        }
    }

    /** A county's standing committee first, then its towns and streets. */
    public record CongressGroup(Congress head, List<Congress> members) {}

    private final OrgTree orgs;

    Congresses(OrgTree orgs) {
        this.orgs = orgs;
    }

    /** The congress of the code, if it has a site (an inactive organisation or a village has none). */
    public Optional<OrgView> find(String code) {
        if (code.length() > 32) {
            return Optional.empty();
        }
        return orgs.findByCode(code).filter(OrgView::active).filter(o -> WITH_PORTAL.contains(o.type()));
    }

    /** Every congress with a site, grouped by county in the tree's order. */
    public List<CongressGroup> groups() {
        List<OrgView> all = new ArrayList<>();
        for (OrgView root : orgs.roots()) {
            all.addAll(orgs.findAll(orgs.subtreeIds(root.id())));
        }
        Map<Long, OrgView> byId = new HashMap<>();
        all.forEach(o -> byId.put(o.id(), o));
        Map<Long, List<Congress>> members = new LinkedHashMap<>();
        List<OrgView> sorted = all.stream().filter(OrgView::active).filter(o -> WITH_PORTAL.contains(o.type()))
                .sorted(Comparator.comparing(OrgView::path)).toList();
        List<CongressGroup> out = new ArrayList<>();
        Map<Long, Congress> heads = new LinkedHashMap<>();
        for (OrgView o : sorted) {
            if (o.type() == OrgType.COUNTY) {
                heads.put(o.id(), of(o));
                members.put(o.id(), new ArrayList<>());
            }
        }
        List<Congress> orphans = new ArrayList<>();
        for (OrgView o : sorted) {
            if (o.type() == OrgType.COUNTY) {
                continue;
            }
            Long county = countyOf(o, byId);
            if (county != null && members.containsKey(county)) {
                members.get(county).add(of(o));
            } else {
                orphans.add(of(o));
            }
        }
        // a county's towns and streets in the tree's order (its sort order, then the code), as the forms list them
        Map<String, Integer> order = new HashMap<>();
        sorted.forEach(o -> order.put(o.code(), o.sortOrder()));
        Comparator<Congress> treeOrder = Comparator.comparing((Congress c) -> order.getOrDefault(c.code(), 0))
                .thenComparing(Congress::code);
        heads.forEach((id, head) -> out.add(new CongressGroup(head, members.get(id).stream().sorted(treeOrder)
                .toList())));
        orphans.forEach(o -> out.add(new CongressGroup(o, List.of())));
        return out;
    }

    private static Congress of(OrgView o) {
        return new Congress(o.code(), o.name(), o.type());
    }

    private static @org.jspecify.annotations.Nullable Long countyOf(OrgView o, Map<Long, OrgView> byId) {
        for (long id : o.lineage()) {
            OrgView a = byId.get(id);
            if (a != null && a.type() == OrgType.COUNTY) {
                return id;
            }
        }
        return null;
    }
}
