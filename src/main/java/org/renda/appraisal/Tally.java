package org.renda.appraisal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.renda.appraisal.VoteScale.Level;
import org.renda.appraisal.VoteScale.RateRule;

/**
 * The arithmetic of a vote's results, as a pure function of the levels, the subjects, the anonymous
 * electronic ballots and the tellers' paper tallies: counts per level (electronic and paper apart, then
 * combined), the valid votes, the satisfaction rate and the rank.
 *
 * <p>Rates are compared exactly (as fractions), never as rounded decimals. Rank: by rate, highest first;
 * subjects with equal rates share a rank and the next rank skips (1, 2, 2, 4); a subject without a valid
 * vote has no rate and ranks after all others. A subject is below the threshold when it has valid votes and
 * its exact rate is less than the threshold.
 *
 * <p>Abstentions (the level {@link VoteScale#ABSTAIN_CODE}, when the vote offers it) are counted per subject
 * apart from the valid votes: they are neither satisfied nor unsatisfied, so they stay out of the rate's
 * denominator and out of the weighted rule's highest score.
 */
final class Tally {

    private Tally() {}

    record Subject(long id, String title) {}

    /** One subject's result; {@code electronic}, {@code paper} and {@code combined} by level code in scale order. */
    record Row(long subjectId, String title, Map<String, Integer> electronic, Map<String, Integer> paper,
            Map<String, Integer> combined, int valid, int abstained, int satisfied, BigDecimal rate, int rankNo,
            boolean below) {}

    static List<Row> compute(List<Level> levels, RateRule rule, BigDecimal threshold, List<Subject> subjects,
            List<Map<Long, String>> ballots, Map<Long, Map<String, Integer>> paper) {
        BigDecimal maxScore = levels.stream().filter(l -> !l.abstains()).map(Level::score).max(Comparator.naturalOrder())
                .orElse(BigDecimal.ONE);
        Map<String, Level> byCode = new HashMap<>();
        levels.forEach(l -> byCode.put(l.code(), l));
        record Work(Subject s, Map<String, Integer> e, Map<String, Integer> p, Map<String, Integer> c, int valid,
                int abstained, int satisfied, BigDecimal num, BigDecimal den) {}
        List<Work> work = new ArrayList<>();
        for (Subject s : subjects) {
            Map<String, Integer> e = zeros(levels);
            for (Map<Long, String> b : ballots) {
                String code = b.get(s.id());
                if (code != null && e.containsKey(code)) {
                    e.merge(code, 1, Integer::sum);
                }
            }
            Map<String, Integer> p = zeros(levels);
            paper.getOrDefault(s.id(), Map.of()).forEach((code, n) -> {
                if (p.containsKey(code)) {
                    p.merge(code, n, Integer::sum);
                }
            });
            Map<String, Integer> c = zeros(levels);
            c.replaceAll((code, zero) -> e.get(code) + p.get(code));
            int valid = c.entrySet().stream().filter(x -> !byCode.get(x.getKey()).abstains())
                    .mapToInt(Map.Entry::getValue).sum();
            int abstained = c.entrySet().stream().filter(x -> byCode.get(x.getKey()).abstains())
                    .mapToInt(Map.Entry::getValue).sum();
            int satisfied = c.entrySet().stream().filter(x -> !byCode.get(x.getKey()).abstains()
                            && byCode.get(x.getKey()).satisfied())
                    .mapToInt(Map.Entry::getValue).sum();
            BigDecimal num;
            BigDecimal den;
            if (rule == RateRule.WEIGHTED) {
                num = c.entrySet().stream().filter(x -> !byCode.get(x.getKey()).abstains())
                        .map(x -> byCode.get(x.getKey()).score().multiply(BigDecimal.valueOf(x.getValue())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                den = maxScore.multiply(BigDecimal.valueOf(valid));
            } else {
                num = BigDecimal.valueOf(satisfied);
                den = BigDecimal.valueOf(valid);
            }
            work.add(new Work(s, e, p, c, valid, abstained, satisfied, num, den));
        }
        // Order by exact rate (a/b > c/d iff ad > cb with positive denominators); no valid vote last.
        Comparator<Work> byRate = (a, b) -> {
            if (a.valid == 0 || b.valid == 0) {
                return Boolean.compare(a.valid == 0, b.valid == 0);
            }
            return b.num.multiply(a.den).compareTo(a.num.multiply(b.den));
        };
        List<Work> ordered = new ArrayList<>(work);
        ordered.sort(byRate); // stable: equal rates keep the subjects' order
        Map<Long, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            boolean tie = i > 0 && byRate.compare(ordered.get(i - 1), ordered.get(i)) == 0;
            ranks.put(ordered.get(i).s.id(), tie ? ranks.get(ordered.get(i - 1).s.id()) : i + 1);
        }
        List<Row> rows = new ArrayList<>();
        for (Work w : ordered) {
            BigDecimal rate = w.valid == 0 || w.den.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                    : w.num.divide(w.den, 4, RoundingMode.HALF_UP);
            boolean below = w.valid > 0 && w.num.compareTo(threshold.multiply(w.den)) < 0;
            rows.add(new Row(w.s.id(), w.s.title(), w.e, w.p, w.c, w.valid, w.abstained, w.satisfied, rate,
                    ranks.get(w.s.id()), below));
        }
        return rows;
    }

    private static Map<String, Integer> zeros(List<Level> levels) {
        Map<String, Integer> m = new LinkedHashMap<>();
        levels.forEach(l -> m.put(l.code(), 0));
        return m;
    }
}
