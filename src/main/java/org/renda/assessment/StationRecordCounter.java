package org.renda.assessment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.station.ReceptionLedger;
import org.renda.station.StationViews.Figures;
import org.springframework.stereotype.Component;

/**
 * The liaison stations' ledgers, through {@link ReceptionLedger#figures}: {@code station.<figure>} adds each
 * station's figure of the period to its organisation and every organisation above it (a village's contact
 * point counts for the village and its town), for villages and towns as subjects. Figures: receptions, visits,
 * voters, opinions, resolved, cases, meetings. Within the actor's reach.
 */
@Component
class StationRecordCounter implements RecordCounter {

    static final String PREFIX = "station.";
    private static final Map<String, ToIntFunction<Figures>> FIGURES = Map.of(
            "receptions", Figures::receptions,
            "visits", Figures::visits,
            "voters", Figures::voters,
            "opinions", Figures::opinions,
            "resolved", Figures::resolved,
            "cases", Figures::casesOpened,
            "meetings", Figures::activities);

    private final ReceptionLedger ledger;
    private final OrgTree orgs;

    StationRecordCounter(ReceptionLedger ledger, OrgTree orgs) {
        this.ledger = ledger;
        this.orgs = orgs;
    }

    @Override
    public boolean answers(String source) {
        return source.startsWith(PREFIX) && FIGURES.containsKey(source.substring(PREFIX.length()));
    }

    @Override
    public Map<String, Map<Long, Integer>> counts(Set<String> sources, LocalDate from, LocalDate to) {
        Map<String, Map<Long, Integer>> out = new HashMap<>();
        var figures = ledger.figures(from, to);
        Map<Long, long[]> lineage = new HashMap<>();
        for (String source : sources) {
            ToIntFunction<Figures> figure = FIGURES.get(source.substring(PREFIX.length()));
            Map<Long, Integer> counts = new HashMap<>();
            for (Figures f : figures) {
                int n = figure.applyAsInt(f);
                if (n == 0) {
                    continue;
                }
                for (long org : lineage.computeIfAbsent(f.orgId(),
                        id -> orgs.find(id).map(OrgView::lineage).orElse(new long[0]))) {
                    counts.merge(org, n, Integer::sum);
                }
            }
            out.put(source, counts);
        }
        return out;
    }
}
