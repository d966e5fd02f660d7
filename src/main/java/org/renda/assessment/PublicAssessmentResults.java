package org.renda.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.AssessmentStore.PeriodRow;
import org.renda.assessment.AssessmentViews.Result;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment's public read model for the portal: the periods whose final results the presiding officer put on
 * the portal ({@link AssessmentDesk#publishOnPortal}), and their ranking with the total, the tier and a veto. Nothing
 * else of a period is public: not the breakdown, the decisions' reasons, the sheets or the appeals; a period not on
 * the portal is not found.
 */
@Service
@Transactional(readOnly = true)
public class PublicAssessmentResults {

    /** A period on the portal. */
    public record PublicPeriod(long id, String name, int forYear, LocalDate startsOn, LocalDate endsOn,
            Instant publicSince, int subjects) {}

    /** One subject's final result as the public sees it. */
    public record PublicResult(int rank, String subjectName, BigDecimal total, @Nullable String tierName,
            boolean vetoed) {}

    public record PublicPeriodResults(PublicPeriod period, List<PublicResult> results) {}

    private final AssessmentStore store;
    private final PeriodResults results;

    PublicAssessmentResults(AssessmentStore store, PeriodResults results) {
        this.store = store;
        this.results = results;
    }

    /** The congress's periods on the portal, latest first. */
    public List<PublicPeriod> ofCongress(long orgId) {
        return store.publicPeriods(orgId).stream().map(p -> period(p, results.results(p).size())).toList();
    }

    /** A period's public ranking, or nothing when it is not the congress's or not on the portal. */
    public Optional<PublicPeriodResults> results(long orgId, long periodId) {
        return store.publicPeriods(orgId).stream().filter(p -> p.id() == periodId).findFirst().map(p -> {
            List<PublicResult> rows = results.results(p).stream().map(PublicAssessmentResults::row).toList();
            return new PublicPeriodResults(period(p, rows.size()), rows);
        });
    }

    private PublicPeriod period(PeriodRow p, int subjects) {
        return new PublicPeriod(p.id(), p.name(), p.forYear(), p.startsOn(), p.endsOn(),
                store.publicSince(p.id()).orElseThrow(), subjects);
    }

    private static PublicResult row(Result r) {
        return new PublicResult(r.rank(), r.subjectName(), r.total(), r.tierName(), r.vetoed());
    }
}
