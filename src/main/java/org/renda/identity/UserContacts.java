package org.renda.identity;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped look-ups of whom to notify: a user's name and e-mail address, and the holders of a role on
 * an organisation (the chair to escalate an overdue case to). For modules that send notifications in
 * jobs without a signed-in user; screens use {@link UserAdministration}, which applies scope.
 */
@Service
@Transactional(readOnly = true)
public class UserContacts {

    private final JdbcClient jdbc;

    UserContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How to reach a user; {@code email} is null when none is on file. */
    public record Contact(long userId, long orgId, String displayName, @Nullable String email, boolean enabled) {}

    public Optional<Contact> find(long userId) {
        return jdbc.sql("select id, org_id, display_name, email, enabled from app_user where id = ?").param(userId)
                .query(UserContacts::map).optional();
    }

    /** The enabled users holding {@code role} granted on exactly this organisation. */
    public List<Contact> withRole(Role role, long orgId) {
        return jdbc.sql("""
                select u.id, u.org_id, u.display_name, u.email, u.enabled
                from app_user u join role_grant g on g.user_id = u.id
                where g.role = ? and g.org_id = ? and u.enabled = true
                order by u.id""")
                .params(role.name(), orgId).query(UserContacts::map).list();
    }

    private static Contact map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Contact(rs.getLong("id"), rs.getLong("org_id"), rs.getString("display_name"), rs.getString("email"),
                rs.getBoolean("enabled"));
    }
}
