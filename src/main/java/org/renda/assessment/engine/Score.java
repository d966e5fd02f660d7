package org.renda.assessment.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A subject's result.
 *
 * @param indicators each indicator's contribution to the total (scaled by the weighting, rounded)
 * @param areas the sum of the contributions per area (bonus included in its area)
 * @param sources the sum per source
 * @param base the points of the non-bonus indicators
 * @param bonus the bonus points
 * @param adjustment points added or taken by decisions
 * @param total base + bonus + adjustment, never below zero
 * @param rank 1 for the first; subjects tied on every key share a rank
 * @param tier the award tier code, null for none
 * @param naturalTier the tier the ranking alone would give, before veto and demotion
 * @param missing the indicators without any measurement (counted as zero)
 * @param excused those of the missing indicators the presidium accepted as zero
 */
public record Score(long subjectId, long ref, String name, Map<String, BigDecimal> indicators,
        Map<String, BigDecimal> areas, Map<String, BigDecimal> sources, BigDecimal base, BigDecimal bonus,
        BigDecimal adjustment, BigDecimal total, int rank, @Nullable String tier, @Nullable String naturalTier,
        boolean vetoed, int demoted, List<String> missing, List<String> excused) {

    /** The missing indicators nobody excused: while there are any, the subject is incomplete. */
    public List<String> unscored() {
        return missing.stream().filter(c -> !excused.contains(c)).toList();
    }
}
