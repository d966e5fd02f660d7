package org.renda.supervision;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.AppraisalEnums.RectificationSource;
import org.renda.appraisal.Rectifications;
import org.renda.appraisal.VoteDesk;
import org.renda.appraisal.VoteViews.VoteSummary;
import org.renda.org.OrgTree;
import org.renda.org.OrgView;
import org.renda.supervision.SupervisionEnums.SubjectKind;
import org.renda.supervision.SupervisionEnums.TopicSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision's public read model for the portal: a congress's supervised subjects (监督议题) of a year with the unit
 * responsible, where the topic came from, the activities held, the suggestions made, the findings raised and
 * rectified, and the year-end satisfaction rate once that vote's results are published. Never the group's members,
 * the attendance, the minutes or the findings' texts.
 */
@Service
@Transactional(readOnly = true)
public class PublicSupervision {

    /** A supervised subject as the public sees it; {@code rate} only from a published vote. */
    public record PublicTopic(String title, SubjectKind kind, TopicSource source, String responsible, int activities,
            int held, int suggestions, int found, int rectified, @Nullable BigDecimal rate,
            @Nullable String votePublicCode) {}

    private final SupervisionStore store;
    private final Rectifications rectifications;
    private final VoteDesk votes;
    private final OrgTree orgs;

    PublicSupervision(SupervisionStore store, Rectifications rectifications, VoteDesk votes, OrgTree orgs) {
        this.store = store;
        this.rectifications = rectifications;
        this.votes = votes;
        this.orgs = orgs;
    }

    /** The congress's subjects of the year, by kind. */
    public List<PublicTopic> ofCongress(long congressOrgId, int year) {
        List<SupervisionStore.SubjectRow> rows = store.subjectsOf(congressOrgId, year);
        List<Long> ids = rows.stream().map(SupervisionStore.SubjectRow::id).toList();
        Map<Long, int[]> acts = store.activityFigures(ids);
        Map<Long, int[]> found = rectifications.figures(RectificationSource.SUPERVISION, ids);
        Map<Long, Long> lastVote = store.lastVotes(ids);
        Map<Long, VoteSummary> published = new HashMap<>();
        if (!lastVote.isEmpty()) {
            votes.publishedVotes().forEach(v -> published.put(v.id(), v));
        }
        return rows.stream().map(r -> {
            int[] a = acts.getOrDefault(r.id(), new int[4]);
            int[] f = found.getOrDefault(r.id(), new int[2]);
            VoteSummary v = lastVote.containsKey(r.id()) ? published.get(lastVote.get(r.id())) : null;
            BigDecimal rate = v == null ? null : rate(v, r.title());
            String unit = r.responsibleOrgId() == null ? ""
                    : orgs.find(r.responsibleOrgId()).map(OrgView::name).orElse("");
            return new PublicTopic(r.title(), r.kind(), r.topicSource(), unit, a[0], a[1], a[3], f[0], f[1], rate,
                    v == null ? null : v.publicCode());
        }).toList();
    }

    private @Nullable BigDecimal rate(VoteSummary v, String title) {
        var results = votes.publicResults(v.publicCode()).results();
        if (results == null) {
            return null;
        }
        return results.rows().stream().filter(x -> x.title().equals(title)).findFirst().map(x -> x.rate())
                .orElse(null);
    }
}
