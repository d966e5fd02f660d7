package org.renda.assessment.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the presidium decided about a period's subjects: one-vote vetoes, points added or taken, and tier
 * demotions (a liaison station's feedback moving a first prize to a second [000]), and the unscored indicators
 * it accepts as zero.
 */
public final class Decisions {

    private final Set<Long> vetoed = new HashSet<>();
    private final Map<Long, BigDecimal> points = new HashMap<>();
    private final Map<Long, Integer> demotions = new HashMap<>();
    private final Map<Long, Set<String>> excused = new HashMap<>();

    public static Decisions none() {
        return new Decisions();
    }

    public Decisions veto(long subjectId) {
        vetoed.add(subjectId);
        return this;
    }

    /** Points added (positive) or taken (negative); several adjustments add up. */
    public Decisions adjust(long subjectId, BigDecimal delta) {
        points.merge(subjectId, delta, BigDecimal::add);
        return this;
    }

    /** Moves the subject's tier down by {@code tiers} (several demotions add up). */
    public Decisions demote(long subjectId, int tiers) {
        demotions.merge(subjectId, tiers, Integer::sum);
        return this;
    }

    /**
     * The presidium accepts that an indicator nobody measured for the subject counts 0 (not applicable to it, or
     * scored zero), with a reason recorded by the caller: it no longer keeps the subject out of the tiers.
     */
    public Decisions excuse(long subjectId, String indicator) {
        excused.computeIfAbsent(subjectId, k -> new HashSet<>()).add(indicator);
        return this;
    }

    boolean excused(long subjectId, String indicator) {
        return excused.getOrDefault(subjectId, Set.of()).contains(indicator);
    }

    boolean vetoed(long subjectId) {
        return vetoed.contains(subjectId);
    }

    BigDecimal points(long subjectId) {
        return points.getOrDefault(subjectId, BigDecimal.ZERO);
    }

    int demotion(long subjectId) {
        return demotions.getOrDefault(subjectId, 0);
    }
}
