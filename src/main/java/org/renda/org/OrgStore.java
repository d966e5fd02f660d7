package org.renda.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The organisation table; nothing outside this module touches it. */
@Repository
class OrgStore {

    private static final String COLUMNS =
            "id, code, name, type, parent_id, path, depth, sort_order, active, version";

    private final JdbcClient jdbc;

    OrgStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrgView> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from organisation where id = ?").param(id).query(OrgStore::map)
                .optional();
    }

    Optional<OrgView> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from organisation where code = ?").param(code).query(OrgStore::map)
                .optional();
    }

    List<OrgView> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organisation where id in (:ids) order by depth, sort_order, code")
                .param("ids", ids).query(OrgStore::map).list();
    }

    /** Every organisation within the reach, in tree order. */
    List<OrgView> within(Reach reach) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organisation where " + reach.sql("id")
                        + " order by depth, sort_order, code")
                .params(reach.params()).query(OrgStore::map).list();
    }

    /** The organisations within the reach whose parent is not (the tops of what the reach covers), in tree order. */
    List<OrgView> tops(Reach reach) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organisation where " + reach.sql("id")
                        + " and (parent_id is null or not (" + reach.sql("parent_id") + ")) order by depth, sort_order, code")
                .params(reach.params()).query(OrgStore::map).list();
    }

    /** How many active organisations of each kind the reach covers. */
    Map<OrgType, Long> activeCountsByType(Reach reach) {
        Map<OrgType, Long> counts = new java.util.EnumMap<>(OrgType.class);
        if (reach.isEmpty()) {
            return counts;
        }
        jdbc.sql("select type, count(*) from organisation where active and " + reach.sql("id") + " group by type")
                .params(reach.params())
                .query(rs -> {
                    counts.put(OrgType.valueOf(rs.getString(1)), rs.getLong(2));
                }); 
        return counts;
    }

    /** The organisations of these kinds within the reach, in tree order. */
    List<OrgView> within(Reach reach, java.util.Set<OrgType> types) {
        return within(reach, types, Integer.MAX_VALUE);
    }

    /** The first {@code limit} organisations of these kinds within the reach, in tree order. */
    List<OrgView> within(Reach reach, java.util.Set<OrgType> types, int limit) {
        if (reach.isEmpty() || types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organisation where " + reach.sql("id")
                        + " and type in (:types) order by depth, sort_order, code limit :limit")
                .params(reach.params()).param("types", types.stream().map(Enum::name).toList())
                .param("limit", limit).query(OrgStore::map).list();
    }

    List<OrgView> children(long parentId) {
        return jdbc.sql("select " + COLUMNS + " from organisation where parent_id = ? order by sort_order, code")
                .param(parentId).query(OrgStore::map).list();
    }

    List<OrgView> roots() {
        return jdbc.sql("select " + COLUMNS + " from organisation where parent_id is null order by sort_order, code")
                .query(OrgStore::map).list();
    }

    /** The organisation and all below it, in tree order. */
    List<OrgView> subtree(String path) {
        return jdbc.sql("select " + COLUMNS + " from organisation where path like ? order by path")
                .param(path + "%").query(OrgStore::map).list();
    }

    Set<Long> subtreeIds(String path) {
        return Set.copyOf(jdbc.sql("select id from organisation where path like ?").param(path + "%")
                .query(Long.class).list());
    }

    /** The path of each organisation that exists among the ids (checks of loaded rows against a subtree reach). */
    Map<Long, String> pathsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 10_000) {
            jdbc.sql("select id, path from organisation where id in (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 10_000)))
                    .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        }
        return out;
    }

    List<OrgView> search(String text, Reach within, int limit) {
        if (within.isEmpty()) {
            return List.of();
        }
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + " from organisation where (name like :q escape '\\' or code like :q escape '\\')"
                        + " and " + within.sql("id") + " order by depth, sort_order, code limit :limit")
                .param("q", like).params(within.params()).param("limit", limit).query(OrgStore::map).list();
    }

    int countChildren(long id) {
        return jdbc.sql("select count(*) from organisation where parent_id = ?").param(id).query(Integer.class).single();
    }

    long count() {
        return jdbc.sql("select count(*) from organisation").query(Long.class).single();
    }

    long insert(String code, String name, OrgType type, @Nullable OrgView parent, int sortOrder) {
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into organisation (code, name, type, parent_id, path, depth, sort_order, active, version,
                                          created_at, updated_at)
                values (?, ?, ?, ?, '/', ?, ?, true, 0, ?, ?)""")
                .params(code, name, type.name(), parent == null ? null : parent.id(),
                        parent == null ? 0 : parent.depth() + 1, sortOrder, now, now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("update organisation set path = ? where id = ?").params(path, id).update();
        return id;
    }

    void update(long id, int expectedVersion, String name, OrgType type, int sortOrder, boolean active) {
        int n = jdbc.sql("""
                update organisation set name = ?, type = ?, sort_order = ?, active = ?, version = version + 1,
                                        updated_at = ?
                where id = ? and version = ?""")
                .params(name, type.name(), sortOrder, active, OffsetDateTime.now(), id, expectedVersion)
                .update();
        if (n != 1) {
            throw new DomainException("error.concurrentEdit");
        }
    }

    /** Re-parents a subtree: the organisation's own row, then every descendant's path and depth. */
    void move(OrgView org, OrgView newParent) {
        String oldPath = org.path();
        String newPath = newParent.path() + org.id() + "/";
        int depthShift = newParent.depth() + 1 - org.depth();
        int n = jdbc.sql("""
                update organisation set parent_id = ?, version = version + 1, updated_at = ?
                where id = ? and version = ?""")
                .params(newParent.id(), OffsetDateTime.now(), org.id(), org.version()).update();
        if (n != 1) {
            throw new DomainException("error.concurrentEdit");
        }
        jdbc.sql("""
                update organisation set path = concat(?, substring(path, ?)), depth = depth + ?
                where path like ?""")
                .params(newPath, oldPath.length() + 1, depthShift, oldPath + "%").update();
    }

    private static OrgView map(ResultSet rs, int n) throws SQLException {
        return new OrgView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                OrgType.valueOf(rs.getString("type")), rs.getObject("parent_id", Long.class), rs.getString("path"),
                rs.getInt("depth"), rs.getInt("sort_order"), rs.getBoolean("active"), rs.getInt("version"));
    }
}
