package org.renda.compliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.renda.compliance.ComplianceEnums.Rating;
import org.renda.compliance.ComplianceEnums.Status;
import org.renda.compliance.ComplianceViews.AssessmentView;
import org.renda.compliance.ComplianceViews.Counts;
import org.renda.compliance.ComplianceViews.MissingItem;
import org.renda.compliance.ComplianceViews.RatingView;
import org.renda.compliance.ComplianceViews.Summary;
import org.renda.compliance.ComplianceViews.TownFigures;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.CurrentActor;
import org.renda.shared.NotFoundException;
import org.renda.shared.Permission;
import org.renda.shared.Reach;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of regulation compliance for an organisation's subtree and a year: per town (or street) how many items
 * are fully, partly and not implemented (and not yet rated), what is missing, and the totals. The annual report calls
 * {@link #summary(Reach, long, int)} with its own reach; pages call {@link #summary(long, int)}.
 */
@Service
@Transactional(readOnly = true)
public class ComplianceFigures {

    private final ComplianceStore store;
    private final OrgTree orgs;
    private final CurrentActor currentActor;

    ComplianceFigures(ComplianceStore store, OrgTree orgs, CurrentActor currentActor) {
        this.store = store;
        this.orgs = orgs;
        this.currentActor = currentActor;
    }

    /** The figures for the acting user (COMPLIANCE_READ); 404 outside the reach. */
    public Summary summary(long orgId, int year) {
        return summary(currentActor.reach(Permission.COMPLIANCE_READ), orgId, year);
    }

    /**
     * The figures of the towns and streets of {@code orgId}'s subtree (the organisation itself if it is one) within
     * the reach, for the year: each town's assessment counts whatever its state (the state is given, and
     * {@code accepted} tells how many the county accepted). 404 if the organisation is outside the reach.
     */
    public Summary summary(Reach reach, long orgId, int year) {
        reach.check(orgId);
        OrgView org = orgs.find(orgId).orElseThrow(() -> new NotFoundException("error.notFound"));
        Reach within = reach.narrow(orgs.subtreeIds(orgId));
        List<OrgView> towns = orgs.within(within, java.util.EnumSet.of(OrgType.TOWN, OrgType.STREET)).stream()
                .filter(OrgView::active).toList();
        Map<Long, AssessmentView> assessments = new HashMap<>();
        for (AssessmentView a : store.assessments(within, year)) {
            assessments.put(a.orgId(), a);
        }
        Map<Long, List<RatingView>> ratings = new HashMap<>();
        for (RatingView r : store.ratings(within, year)) {
            ratings.computeIfAbsent(r.orgId(), k -> new ArrayList<>()).add(r);
        }
        List<TownFigures> perTown = new ArrayList<>();
        Counts total = Counts.ZERO;
        int assessed = 0;
        int submitted = 0;
        int accepted = 0;
        for (OrgView town : towns) {
            AssessmentView a = assessments.get(town.id());
            List<RatingView> rs = ratings.getOrDefault(town.id(), List.of());
            Counts c = ComplianceDesk.counts(rs);
            List<MissingItem> missing = rs.stream().filter(r -> r.rating() != Rating.FULL)
                    .map(r -> new MissingItem(r.itemNo(), r.chapter(), r.body(), r.rating(), r.remark(),
                            r.reviewNote()))
                    .toList();
            if (a != null) {
                assessed++;
                if (a.status() == Status.SUBMITTED || a.status() == Status.ACCEPTED) {
                    submitted++;
                }
                if (a.status() == Status.ACCEPTED) {
                    accepted++;
                }
            }
            perTown.add(new TownFigures(town.id(), town.name(), a == null ? null : a.id(),
                    a == null ? null : a.status(), c, missing));
            total = total.plus(c);
        }
        return new Summary(org.id(), org.name(), year, towns.size(), assessed, submitted, accepted, total,
                List.copyOf(perTown));
    }
}
