package org.renda.appraisal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renda.shared.Actor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification items (整改台账) waiting for someone, per campaign, for their home page: a unit's items not
 * yet accepted (and how many of them owe a written report past its due date); staff's items reported and
 * waiting for acceptance. Each line links to the campaign's ledger, which shows the same items.
 */
@Service
@Transactional(readOnly = true)
public class RectificationWorkload {

    /** One campaign's items waiting: all of them, and those whose written report is overdue. */
    public record Line(long campaignId, String campaignTitle, long waiting, long overdue) {

        /** Where the items are answered: the campaign's ledger, or (campaign 0) the supervision findings. */
        public String href() {
            return campaignId == 0 ? "/supervision/rectifications" : "/appraisals/" + campaignId + "/ledger";
        }
    }

    /** The title of the line that gathers the supervision findings (no campaign). */
    static final String SUPERVISION_LINE = "监督发现问题整改";

    private final JdbcClient jdbc;

    RectificationWorkload(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The items of the units the actor answers for (APPRAISAL_RESPOND) that are not accepted yet. */
    public List<Line> ofUnit(Actor actor, LocalDate today) {
        return lines(actor.reach(Permission.APPRAISAL_RESPOND), actor.reach(Permission.APPRAISAL_RESPOND),
                "r.subject_org_id", "r.state <> 'ACCEPTED'", today);
    }

    /** The items reported by their units and waiting for staff's acceptance (APPRAISAL_WRITE). */
    public List<Line> toAccept(Actor actor, LocalDate today) {
        return lines(actor.reach(Permission.APPRAISAL_WRITE), actor.reach(Permission.SUPERVISION_WRITE), "r.org_id",
                "r.state = 'REPORTED'", today);
    }

    private List<Line> lines(Reach reach, Reach supervisionReach, String orgColumn, String state, LocalDate today) {
        List<Line> out = new java.util.ArrayList<>(appraisalLines(reach, orgColumn, state, today));
        if (!supervisionReach.isEmpty()) {
            Map<String, Object> p = new HashMap<>(supervisionReach.params());
            p.put("today", today);
            jdbc.sql("""
                    select count(*), sum(case when r.state = 'OPEN' and r.due_on < :today then 1 else 0 end)
                    from rectification r where r.source_kind = 'SUPERVISION' and %s and %s""".formatted(state,
                            supervisionReach.sql(orgColumn)))
                    .params(p).query((rs, n) -> new Line(0, SUPERVISION_LINE, rs.getLong(1), rs.getLong(2)))
                    .optional().filter(l -> l.waiting() > 0).ifPresent(out::add);
        }
        return out;
    }

    private List<Line> appraisalLines(Reach reach, String orgColumn, String state, LocalDate today) {
        if (reach.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>(reach.params());
        p.put("today", today);
        return jdbc.sql("""
                select c.id, c.title, count(*) as waiting,
                       sum(case when r.state = 'OPEN' and r.due_on < :today then 1 else 0 end) as overdue
                from rectification r join appraisal_campaign c on c.id = r.campaign_id
                where %s and %s
                group by c.id, c.title, c.for_year order by c.for_year desc, c.id desc""".formatted(state,
                        reach.sql(orgColumn)))
                .params(p)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
