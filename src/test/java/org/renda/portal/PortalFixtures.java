package org.renda.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.renda.assessment.AssessmentDesk;
import org.renda.assessment.AssessmentViews.SubjectView;
import org.renda.assessment.SchemeBook;
import org.renda.assessment.engine.PeriodKind;
import org.renda.shared.SystemContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Records the portal's tests need beyond the demo county. */
final class PortalFixtures {

    private PortalFixtures() {}

    /**
     * A June measurement of a town's villages taken through close, sign-off, publication to the subjects and the
     * final result (its appeal window moved into the past: a test cannot wait for it). Not yet on the portal.
     */
    static long finalPeriod(SchemeBook schemes, AssessmentDesk desk, JdbcClient jdbc, long town, String name) {
        long period = SystemContext.call(() -> {
            long scheme = schemes.draftFromTemplate(town, "VILLAGES", name, 2032);
            schemes.approve(scheme);
            long p = desk.openPeriod(scheme, PeriodKind.H1, name + "上半年测评", LocalDate.of(2032, 1, 1),
                    LocalDate.of(2032, 6, 30));
            List<SubjectView> subjects = desk.subjects(p);
            for (int i = 0; i < subjects.size(); i++) {
                BigDecimal rate = new BigDecimal("0.80").add(new BigDecimal(i % 15).movePointLeft(2));
                desk.enterRate(subjects.get(i).id(), "M1", rate, "纸质测评表汇总");
                desk.enterRate(subjects.get(i).id(), "M2", rate, "代表测评表汇总");
            }
            desk.close(p, true);
            desk.signOff(p, true);
            desk.publish(p);
            return p;
        });
        jdbc.sql("update assessment_period set appeal_until = ? where id = ?").params(LocalDate.now().minusDays(1),
                period).update();
        SystemContext.run(() -> desk.finalise(period));
        return period;
    }
}
