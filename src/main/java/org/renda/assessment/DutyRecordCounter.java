package org.renda.assessment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.renda.deputy.DeputyRegister;
import org.renda.deputy.DeputyViews.DeputySummary;
import org.renda.deputy.DutyLog;
import org.renda.deputy.DutyType;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.springframework.stereotype.Component;

/**
 * Deputies' verified duty records, through the deputy module's {@link DutyLog#countsByDeputy}:
 * {@code deputy.duty.<TYPE>} counts per deputy; {@code deputy.duty.org.<TYPE>} adds them up for every
 * organisation above the deputy's (the village, the town, ...), for villages and towns as subjects.
 * One query for all types of the period, within the actor's reach.
 */
@Component
class DutyRecordCounter implements RecordCounter {

    static final String PER_DEPUTY = "deputy.duty.";
    static final String PER_ORG = "deputy.duty.org.";

    private final DutyLog duties;
    private final DeputyRegister register;
    private final OrgTree orgs;

    DutyRecordCounter(DutyLog duties, DeputyRegister register, OrgTree orgs) {
        this.duties = duties;
        this.register = register;
        this.orgs = orgs;
    }

    @Override
    public boolean answers(String source) {
        return type(source).isPresent();
    }

    static Optional<DutyType> type(String source) {
        String name = source.startsWith(PER_ORG) ? source.substring(PER_ORG.length())
                : source.startsWith(PER_DEPUTY) ? source.substring(PER_DEPUTY.length()) : null;
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DutyType.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<String, Map<Long, Integer>> counts(Set<String> sources, LocalDate from, LocalDate to) {
        Map<Long, Map<DutyType, Integer>> byDeputy = duties.countsByDeputy(from, to);
        Map<Long, long[]> lineageOfDeputy = sources.stream().anyMatch(s -> s.startsWith(PER_ORG))
                ? lineages() : Map.of();
        Map<String, Map<Long, Integer>> out = new HashMap<>();
        for (String source : sources) {
            DutyType type = type(source).orElseThrow();
            Map<Long, Integer> counts = new HashMap<>();
            boolean perOrg = source.startsWith(PER_ORG);
            byDeputy.forEach((deputyId, types) -> {
                int n = types.getOrDefault(type, 0);
                if (n == 0) {
                    return;
                }
                if (!perOrg) {
                    counts.put(deputyId, n);
                    return;
                }
                for (long org : lineageOfDeputy.getOrDefault(deputyId, new long[0])) {
                    counts.merge(org, n, Integer::sum);
                }
            });
            out.put(source, counts);
        }
        return out;
    }

    /** Each deputy's organisation and everything above it. */
    private Map<Long, long[]> lineages() {
        List<DeputySummary> deputies = register.listAll(DeputyRegister.Query.all());
        Map<Long, long[]> byOrg = new HashMap<>();
        orgs.findAll(deputies.stream().map(DeputySummary::orgId).distinct().toList())
                .forEach((OrgView o) -> byOrg.put(o.id(), o.lineage()));
        Map<Long, long[]> out = new HashMap<>();
        deputies.forEach(d -> out.put(d.id(), byOrg.getOrDefault(d.orgId(), new long[] {d.orgId()})));
        return out;
    }
}
