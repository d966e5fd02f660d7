package org.renda.deputy;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deputy table as the bulk account creation reads it: who is in office and has no account yet. */
@Repository
class DeputyAccountStore {

    private static final List<String> IN_OFFICE = Arrays.stream(MandateStatus.values())
            .filter(MandateStatus::inOffice).map(Enum::name).toList();

    private final JdbcClient jdbc;

    DeputyAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Unlinked(long id, long orgId, String name, @Nullable String phone) {}

    /** Deputies homed in the reach, in office, without a linked account, in name order. */
    List<Unlinked> withoutAccount(Reach reach) {
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select d.id, d.org_id, d.name, d.phone from deputy d where " + reach.sql("d.org_id")
                        + " and d.user_id is null and exists (select 1 from deputy_mandate m where m.deputy_id = d.id"
                        + " and m.status in (:inOffice)) order by d.org_id, d.name, d.id")
                .params(reach.params()).param("inOffice", IN_OFFICE)
                .query((rs, n) -> new Unlinked(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** How many deputies homed in the reach already have an account. */
    long withAccount(Reach reach) {
        if (reach.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from deputy d where " + reach.sql("d.org_id") + " and d.user_id is not null")
                .params(reach.params()).query(Long.class).single();
    }

    /**
     * The named deputies, locked until the transaction ends, so two clerks creating accounts at once cannot give one
     * deputy two: the second finds the first one's link.
     */
    List<Locked> lock(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> inOffice = jdbc.sql("select distinct deputy_id from deputy_mandate where deputy_id in (:ids)"
                        + " and status in (:inOffice)")
                .param("ids", ids).param("inOffice", IN_OFFICE).query(Long.class).list();
        return jdbc.sql("select id, org_id, name, phone, user_id from deputy where id in (:ids) order by id for update")
                .param("ids", ids)
                .query((rs, n) -> new Locked(rs.getLong("id"), rs.getLong("org_id"), rs.getString("name"),
                        rs.getString("phone"), rs.getObject("user_id") == null ? null : rs.getLong("user_id"),
                        inOffice.contains(rs.getLong("id"))))
                .list();
    }

    record Locked(long id, long orgId, String name, @Nullable String phone, @Nullable Long userId, boolean inOffice) {}
}
