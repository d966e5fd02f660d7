package org.renda.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.renda.org.OrgTree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The casework's public read model for the portal: how many opinions and suggestions a congress (with the
 * organisations under it) received in a year, how many are closed, and how the replies were rated. Counts only:
 * never a title, a text, a name or a phone; merged and withdrawn cases are not counted, as in the staff's figures.
 */
@Service
@Transactional(readOnly = true)
public class PublicCaseFigures {

    /** A year's opinions of one congress; {@code satisfied} counts 满意 and 基本满意 among the rated. */
    public record OpinionFigures(int year, long received, long closed, long rated, long satisfied) {}

    private final JdbcClient jdbc;
    private final OrgTree orgs;

    PublicCaseFigures(JdbcClient jdbc, OrgTree orgs) {
        this.jdbc = jdbc;
        this.orgs = orgs;
    }

    public OpinionFigures ofCongress(long congressOrgId, int year) {
        ZoneId zone = ZoneId.systemDefault();
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        return jdbc.sql("""
                select count(*),
                       coalesce(sum(case when state = 'CLOSED' then 1 else 0 end), 0),
                       coalesce(sum(case when rating is not null then 1 else 0 end), 0),
                       coalesce(sum(case when rating in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end), 0)
                  from case_item where org_id in (:orgs) and created_at >= :from and created_at < :to
                   and state not in ('MERGED', 'WITHDRAWN')""")
                .param("orgs", orgs.subtreeIds(congressOrgId)).param("from", from).param("to", to)
                .query((rs, n) -> new OpinionFigures(year, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
