package org.renda.assessment;

import org.renda.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scoring sheets waiting for an evaluator, for their home page and menu. A sheet belongs to the members
 * of its evaluator group (a deputy, a unit's liaison officer, an evaluator), whatever their role, so the scope
 * is the actor's own group memberships, not an organisation reach; only periods still open count.
 */
@Service
@Transactional(readOnly = true)
public class SheetWorkload {

    /** The actor's sheets in open periods: those still to submit, and all of them. */
    public record Count(long open, long total) {}

    private final JdbcClient jdbc;

    SheetWorkload(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Count of(Actor actor) {
        if (actor.isSystem()) {
            return new Count(0, 0);
        }
        return jdbc.sql("""
                select coalesce(sum(case when s.status <> 'SUBMITTED' then 1 else 0 end), 0), count(*)
                from assessment_sheet s join assessment_period p on p.id = s.period_id
                where p.status = 'OPEN'
                  and s.group_id in (select m.group_id from assessment_group_member m where m.user_id = ?)""")
                .param(actor.userId()).query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Whether the actor sits in an evaluator group of an open period (the menu then offers their sheets). */
    public boolean hasSheets(Actor actor) {
        return !actor.isSystem() && jdbc.sql("""
                select count(*) from assessment_group_member m join assessment_group g on g.id = m.group_id
                join assessment_period p on p.id = g.period_id
                where m.user_id = ? and p.status = 'OPEN'""").param(actor.userId()).query(Long.class).single() > 0;
    }
}
