package org.renda.assessment;

import java.util.Collection;
import java.util.List;
import org.renda.assessment.AssessmentEnums.PeriodStatus;
import org.renda.assessment.engine.PeriodKind;
import org.renda.shared.CurrentActor;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where the year's assessment periods stand, for dashboards: the stage, the subjects, scoring sheets submitted. */
@Service
@Transactional(readOnly = true)
public class AssessmentStatus {

    public record Period(long id, long orgId, String name, PeriodKind kind, PeriodStatus status, long subjects,
            long sheets, long submitted) {}

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;

    AssessmentStatus(JdbcClient jdbc, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
    }

    /** The periods of the year of the organisations given (a subtree) within the actor's reach. */
    public List<Period> periods(Collection<Long> within, int year) {
        Reach reach = currentActor.reach(Permission.ASSESSMENT_READ).narrow(within);
        if (reach.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.org_id, p.name, p.kind, p.status,
                       (select count(*) from assessment_subject s where s.period_id = p.id),
                       count(sh.id), coalesce(sum(case when sh.status = 'SUBMITTED' then 1 else 0 end), 0)
                  from assessment_period p left join assessment_sheet sh on sh.period_id = p.id
                 where %s and p.for_year = :year
                 group by p.id, p.org_id, p.name, p.kind, p.status, p.starts_on
                 order by p.starts_on, p.id""".formatted(reach.sql("p.org_id")))
                .params(reach.params()).param("year", year)
                .query((rs, n) -> new Period(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        PeriodKind.valueOf(rs.getString(4)), PeriodStatus.valueOf(rs.getString(5)), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8)))
                .list();
    }
}
