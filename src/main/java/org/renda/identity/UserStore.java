package org.renda.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;
import org.renda.shared.Reach;
import org.renda.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The user, grant and token tables. */
@Repository
class UserStore {

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Account(long id, long orgId, String username, String displayName, String passwordHash,
            @Nullable String phone, @Nullable String email, boolean enabled, int version) {}

    record StoredGrant(Role role, long orgId) {}

    Optional<Account> byUsername(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username).query(UserStore::map).optional();
    }

    Optional<Account> byId(long id) {
        return jdbc.sql("select * from app_user where id = ?").param(id).query(UserStore::map).optional();
    }

    List<Account> inOrgs(Reach reach, String filter, int limit) {
        if (reach.isEmpty()) {
            return List.of();
        }
        String like = "%" + filter.strip().replace("%", "").replace("_", "") + "%";
        return jdbc.sql("select * from app_user where " + reach.sql("org_id") + " and (username like :q or display_name like :q)"
                        + " order by org_id, username limit :limit")
                .params(reach.params()).param("q", like).param("limit", limit).query(UserStore::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    long countIn(Reach reach) {
        if (reach.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from app_user where " + reach.sql("org_id")).params(reach.params())
                .query(Long.class).single();
    }

    /** Of the given usernames (lower case), those of users homed in the reach. */
    long countNamed(Reach reach, Collection<String> usernames) {
        if (reach.isEmpty() || usernames.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from app_user where " + reach.sql("org_id") + " and lower(username) in (:names)")
                .params(reach.params()).param("names", usernames).query(Long.class).single();
    }

    long insert(long orgId, String username, String displayName, String hash, @Nullable String phone,
            @Nullable String email) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                insert into app_user (org_id, username, display_name, password_hash, phone, email, enabled,
                                      version, created_at, updated_at, password_changed_at)
                values (?, ?, ?, ?, ?, ?, true, 0, ?, ?, ?)""")
                .params(orgId, username, displayName, hash, phone, email, now, now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Whether the user must choose their own password before anything else (a generated first password). */
    boolean mustChangePassword(long id) {
        return jdbc.sql("select must_change_password from app_user where id = ?").param(id).query(Boolean.class)
                .optional().orElse(false);
    }

    void requirePasswordChange(long id, boolean required) {
        jdbc.sql("update app_user set must_change_password = ? where id = ?").params(required, id).update();
    }

    /** Of the given usernames (lower case), those already taken, whatever their case. */
    java.util.Set<String> takenUsernames(Collection<String> lowerCase) {
        if (lowerCase.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("select lower(username) from app_user where lower(username) in (:names)")
                .param("names", lowerCase).query(String.class).list());
    }

    void updateProfile(long id, int version, String displayName, @Nullable String phone, @Nullable String email,
            boolean enabled) {
        int n = jdbc.sql("""
                update app_user set display_name = ?, phone = ?, email = ?, enabled = ?, version = version + 1,
                                    updated_at = ?
                where id = ? and version = ?""")
                .params(displayName, phone, email, enabled, OffsetDateTime.now(), id, version).update();
        if (n != 1) {
            throw new DomainException("error.concurrentEdit");
        }
    }

    void setPassword(long id, String hash) {
        jdbc.sql("""
                update app_user set password_hash = ?, password_changed_at = ?, version = version + 1,
                                    updated_at = ?
                where id = ?""")
                .params(hash, OffsetDateTime.now(), OffsetDateTime.now(), id).update();
    }

    List<StoredGrant> grants(long userId) {
        return jdbc.sql("select role, org_id from role_grant where user_id = ? order by id").param(userId)
                .query((rs, n) -> new StoredGrant(Role.valueOf(rs.getString(1)), rs.getLong(2))).list();
    }

    Map<Long, List<StoredGrant>> grants(Collection<Long> userIds) {
        Map<Long, List<StoredGrant>> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select user_id, role, org_id from role_grant where user_id in (:ids) order by id")
                .param("ids", userIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new StoredGrant(Role.valueOf(rs.getString(2)), rs.getLong(3)));
                });
        return out;
    }

    void replaceGrants(long userId, Collection<StoredGrant> grants) {
        jdbc.sql("delete from role_grant where user_id = ?").param(userId).update();
        for (StoredGrant g : grants) {
            jdbc.sql("insert into role_grant (user_id, role, org_id) values (?, ?, ?)")
                    .params(userId, g.role().name(), g.orgId()).update();
        }
    }

    private static Account map(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getLong("id"), rs.getLong("org_id"), rs.getString("username"),
                rs.getString("display_name"), rs.getString("password_hash"), rs.getString("phone"),
                rs.getString("email"), rs.getBoolean("enabled"), rs.getInt("version"));
    }
}
