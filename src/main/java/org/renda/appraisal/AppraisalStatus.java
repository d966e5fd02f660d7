package org.renda.appraisal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.CampaignKind;
import org.renda.appraisal.VoteViews.VoteState;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the year's appraisals stand, for dashboards: each campaign with its subjects, and each vote with its
 * state and turnout. Turnout is what the vote page's invariants already show while the vote runs (ballots cast
 * electronically plus paper ballots, against the roll), never a running tally of the choices.
 */
@Service
@Transactional(readOnly = true)
public class AppraisalStatus {

    public record Campaign(long id, long orgId, String title, CampaignKind kind, long subjects, long votes) {}

    public record Vote(long id, long orgId, @Nullable Long campaignId, String title, VoteState state,
            boolean published, long eligible, long cast) {

        /** Cast ballots (electronic and paper) among the deputies on the roll; 0 without a roll. */
        public double participation() {
            return eligible == 0 ? 0 : (double) cast / eligible;
        }
    }

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;

    AppraisalStatus(JdbcClient jdbc, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
    }

    /** The campaigns of the year of the organisations given (a subtree) within the actor's reach. */
    public List<Campaign> campaigns(Collection<Long> within, int year) {
        Reach reach = currentActor.reach(Permission.APPRAISAL_READ).narrow(within);
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.id, c.org_id, c.title, c.kind,
                       (select count(*) from appraisal_subject s where s.campaign_id = c.id),
                       (select count(*) from vote v where v.campaign_id = c.id)
                  from appraisal_campaign c where %s and c.for_year = :year order by c.id""".formatted(
                        reach.sql("c.org_id")))
                .params(reach.params()).param("year", year)
                .query((rs, n) -> new Campaign(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        CampaignKind.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** The votes of the year: those of the year's campaigns, and votes of no campaign opened in the year. */
    public List<Vote> votes(Collection<Long> within, int year) {
        Reach reach = currentActor.reach(Permission.APPRAISAL_READ).narrow(within);
        if (reach.isEmpty()) {
            return List.of();
        }
        ZoneId zone = ZoneId.systemDefault();
        return jdbc.sql("""
                select v.id, v.org_id, v.campaign_id, v.title, v.state, v.published,
                       (select count(*) from vote_roll r where r.vote_id = v.id),
                       (select count(*) from vote_credential k where k.vote_id = v.id and k.spent = true) + v.paper_ballots
                  from vote v left join appraisal_campaign c on c.id = v.campaign_id
                 where %s and (c.for_year = :year
                       or (v.campaign_id is null and v.opened_at >= :from and v.opened_at < :to))
                 order by v.id""".formatted(reach.sql("v.org_id")))
                .params(reach.params()).param("year", year)
                .param("from", LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime())
                .param("to", LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> new Vote(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                        VoteState.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }
}
