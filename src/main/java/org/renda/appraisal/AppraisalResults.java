package org.renda.appraisal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.appraisal.VoteViews.SubjectResult;
import org.renda.appraisal.VoteViews.SubjectView;
import org.renda.appraisal.VoteViews.VoteDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of closed satisfaction votes for other modules (the assessment module scores units with
 * them). Scoped like every read: only votes of organisations where the current actor has APPRAISAL_READ.
 */
@Service
@Transactional(readOnly = true)
public class AppraisalResults {

    /** A closed vote; {@code campaignId} is its appraisal campaign, null for a stand-alone vote. */
    public record ClosedVote(long voteId, long orgId, @Nullable Long campaignId, String title, Instant closedAt) {}

    private final VoteDesk votes;

    AppraisalResults(VoteDesk votes) {
        this.votes = votes;
    }

    /** Every closed vote the actor may read, most recent first. */
    public List<ClosedVote> closedVotes() {
        return votes.closed().stream().map(v -> new ClosedVote(v.id(), v.orgId(), v.campaignId(), v.title(),
                v.closedAt() == null ? Instant.EPOCH : v.closedAt())).toList();
    }

    /**
     * The satisfaction rate (0..1, four decimals) of each subject that is an organisation (a unit under
     * review), keyed by that organisation's id. Subjects without an organisation (duty reports) are left out;
     * use {@link #ratesByTitle(long)} for them. Answers 404 (NotFoundException) outside the reach.
     */
    public Map<Long, BigDecimal> satisfactionRates(long voteId) {
        VoteDetail d = votes.detail(voteId);
        Map<Long, Long> orgOf = new LinkedHashMap<>();
        for (SubjectView s : d.subjects()) {
            if (s.subjectOrgId() != null) {
                orgOf.put(s.id(), s.subjectOrgId());
            }
        }
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        if (d.results() != null) {
            for (SubjectResult r : d.results().rows()) {
                Long org = orgOf.get(r.subjectId());
                if (org != null) {
                    out.put(org, r.rate());
                }
            }
        }
        return out;
    }

    /** The satisfaction rate of every subject by its title. */
    public Map<String, BigDecimal> ratesByTitle(long voteId) {
        VoteDetail d = votes.detail(voteId);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (d.results() != null) {
            d.results().rows().forEach(r -> out.put(r.title(), r.rate()));
        }
        return out;
    }
}
