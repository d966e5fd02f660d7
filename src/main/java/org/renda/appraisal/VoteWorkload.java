package org.renda.appraisal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputyProfile;
import org.renda.shared.Actor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction votes waiting for someone, for their home page: the open votes a deputy is on the roll of
 * (they vote with a code drawn in the room, on the vote's public page), and the open votes staff and the
 * presiding role run (to close and publish).
 */
@Service
@Transactional(readOnly = true)
public class VoteWorkload {

    /** An open vote: its page for staff, its public voting page for a deputy. */
    public record OpenVote(long id, String title, String publicCode) {}

    private final JdbcClient jdbc;
    private final DeputyRegister deputies;

    VoteWorkload(JdbcClient jdbc, DeputyRegister deputies) {
        this.jdbc = jdbc;
        this.deputies = deputies;
    }

    /**
     * The open votes whose roll names the signed-in deputy (none for a user who is no deputy). The roll says
     * only who may vote, never whether they did.
     */
    public List<OpenVote> openToMe() {
        Long deputyId = deputies.mine().map(DeputyProfile::id).orElse(null);
        if (deputyId == null) {
            return List.of();
        }
        return jdbc.sql("""
                select v.id, v.title, v.public_code from vote v
                where v.state = 'OPEN' and exists (select 1 from vote_roll r where r.vote_id = v.id and r.deputy_id = ?)
                order by v.opened_at, v.id""").param(deputyId)
                .query((rs, n) -> new OpenVote(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The open votes of the organisations where the actor may close and publish votes (APPRAISAL_READ). */
    public List<OpenVote> openToRun(Actor actor) {
        Reach reach = actor.reach(Permission.APPRAISAL_READ);
        if (reach.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>(reach.params());
        return jdbc.sql("select v.id, v.title, v.public_code from vote v where v.state = 'OPEN' and "
                        + reach.sql("v.org_id") + " order by v.opened_at, v.id")
                .params(p).query((rs, n) -> new OpenVote(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }
}
