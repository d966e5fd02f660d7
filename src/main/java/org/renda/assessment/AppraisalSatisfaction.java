package org.renda.assessment;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.renda.appraisal.AppraisalResults;
import org.renda.appraisal.AppraisalResults.ClosedVote;
import org.springframework.stereotype.Component;

/**
 * Satisfaction rates from the appraisal module's closed votes: an indicator's {@code voteRef} names the vote,
 * as {@code vote:<id>} or by the vote's exact title (the most recent closed vote of that title); the subject
 * is the organisation the vote rated. Anything else (a paper survey) is left to the rate staff enter. A
 * vote's rates are read once per closing (kept for a few seconds), not once per subject. Within the actor's
 * reach, like every read.
 */
@Component
class AppraisalSatisfaction implements SatisfactionSource {

    private static final Pattern BY_ID = Pattern.compile("vote:(\\d+)");
    private static final long KEEP_NANOS = 5_000_000_000L;

    private final AppraisalResults results;
    private final org.renda.shared.CurrentActor currentActor;
    /** Keyed by actor and vote: what one user may read is never answered to another. */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long at, Map<Long, BigDecimal> rates) {}

    AppraisalSatisfaction(AppraisalResults results, org.renda.shared.CurrentActor currentActor) {
        this.results = results;
        this.currentActor = currentActor;
    }

    @Override
    public Optional<BigDecimal> rate(String voteRef, long subjectRef) {
        String key = currentActor.require().userId() + "/" + voteRef;
        Cached c = cache.get(key);
        if (c == null || System.nanoTime() - c.at() > KEEP_NANOS) {
            cache.values().removeIf(old -> System.nanoTime() - old.at() > KEEP_NANOS);
            c = new Cached(System.nanoTime(), voteId(voteRef).map(this::rates).orElse(Map.of()));
            cache.put(key, c);
        }
        return Optional.ofNullable(c.rates().get(subjectRef));
    }

    /** A vote outside the reader's reach answers nothing, as if it had not been held. */
    private Map<Long, BigDecimal> rates(long voteId) {
        try {
            return results.satisfactionRates(voteId);
        } catch (org.renda.shared.NotFoundException e) {
            return Map.of();
        }
    }

    private Optional<Long> voteId(String voteRef) {
        Matcher m = BY_ID.matcher(voteRef.strip());
        if (m.matches()) {
            return Optional.of(Long.parseLong(m.group(1)));
        }
        return results.closedVotes().stream().filter(v -> v.title().equals(voteRef.strip()))
                .max(Comparator.comparing(ClosedVote::closedAt)).map(ClosedVote::voteId);
    }
}
