package org.renda.assessment.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.assessment.engine.Scheme.Indicator;
import org.renda.assessment.engine.Scheme.Tier;

/**
 * Scores the subjects of a scheme version. The rules, in order:
 * <ol>
 * <li>Raw points per indicator and period: ENTERED is the mean of the sheets' points; COUNTED is
 * {@code base + perOccurrence × count}; VOTE is {@code max × rate}; BONUS is the sum of the items. Each is
 * clamped to 0..max. An indicator only counts in the period kinds it is measured in; a bonus counts
 * in the periods that have items for it.</li>
 * <li>Periods combine per indicator: the weighted mean ({@code rules.periodWeights}) over the periods that
 * measured it, so the June and December measurements of a satisfaction indicator average into the annual
 * result. An indicator nobody measured counts 0 and is listed as missing; one the scored period does not measure
 * at all (an annual-only indicator in the June measurement) is not missing, it does not apply.</li>
 * <li>Weighting: with AREA (SOURCE) weighting a non-bonus indicator's points are scaled by
 * {@code weight / sum of the maxima} of its area (source). Bonus points are never scaled.</li>
 * <li>Each contribution is rounded HALF_UP to 2 decimals; areas, sources, base, bonus and total are exact
 * sums of the rounded contributions, so a breakdown always adds up to its total. Adjustments are added
 * to the total, which never goes below 0.</li>
 * <li>Ranking: higher total, then the tie sources' scores in the scheme's order, then the higher base;
 * subjects equal on every key share a rank (1, 2, 2, 4). A vetoed subject cannot take any of the first
 * {@code rules.vetoTopPlaces} places: the next subject without a veto moves up instead.</li>
 * <li>Tiers go down the final order (ties at a boundary all get the better tier). A vetoed subject gets
 * no excellent tier: it takes the next tier that is not excellent. A demotion then moves the subject's
 * tier down by its steps (past the last tier: no tier). Demotions do not lift anyone else.</li>
 * <li>Completeness ({@code rules.incomplete}): under {@link Scheme.Incomplete#NO_TIER} a subject with a missing
 * indicator the presidium has not excused gets no tier and takes no tier's slot (the next complete subject
 * does); its rank by total stays. Tiers are only given in the period kinds of {@code rules.tierPeriods}.</li>
 * </ol>
 */
public final class ScoringEngine {

    /** Two decimals, half up: the scale of every published figure. */
    public static final int SCALE = 2;
    private static final int WORK_SCALE = 8;

    private ScoringEngine() {}

    public static List<Score> score(Scheme scheme, List<Subject> subjects, List<Inputs> periods, Decisions decisions) {
        Map<String, BigDecimal> factors = factors(scheme);
        List<Draft> drafts = new ArrayList<>(subjects.size());
        for (Subject s : subjects) {
            drafts.add(draft(scheme, s, periods, factors, decisions));
        }
        Comparator<Draft> order = order(scheme);
        List<Draft> ranked = place(drafts, order, scheme.rules().vetoTopPlaces());
        assignRanks(ranked, order);
        if (periods.stream().anyMatch(p -> scheme.rules().givesTiers(p.kind()))) {
            assignTiers(ranked, scheme.tiers());
        }
        List<Score> out = new ArrayList<>(ranked.size());
        for (Draft d : ranked) {
            out.add(new Score(d.subject.id(), d.subject.ref(), d.subject.name(), d.indicators, d.areas, d.sources,
                    d.base, d.bonus, d.adjustment, d.total, d.rank, d.tier, d.naturalTier, d.vetoed, d.demoted,
                    d.missing, d.excused));
        }
        return out;
    }

    /** The scale factor of each non-bonus indicator under the scheme's weighting. */
    static Map<String, BigDecimal> factors(Scheme scheme) {
        Map<String, BigDecimal> maxByGroup = new HashMap<>();
        for (Indicator i : scheme.indicators()) {
            if (!i.isBonus()) {
                maxByGroup.merge(group(scheme, i), i.maxPoints(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> weights = new HashMap<>();
        scheme.areas().forEach(a -> weights.put("A:" + a.code(), a.weight()));
        scheme.sources().forEach(s -> weights.put("S:" + s.code(), s.weight()));
        Map<String, BigDecimal> factors = new HashMap<>();
        for (Indicator i : scheme.indicators()) {
            BigDecimal f = BigDecimal.ONE;
            if (!i.isBonus() && scheme.weighting() != Weighting.NONE) {
                String g = group(scheme, i);
                BigDecimal w = weights.get(g);
                BigDecimal max = maxByGroup.get(g);
                if (w != null && max != null && max.signum() > 0) {
                    f = w.divide(max, WORK_SCALE, RoundingMode.HALF_UP);
                }
            }
            factors.put(i.code(), f);
        }
        return factors;
    }

    private static String group(Scheme scheme, Indicator i) {
        return scheme.weighting() == Weighting.SOURCE ? "S:" + i.source() : "A:" + i.area();
    }

    private static Draft draft(Scheme scheme, Subject s, List<Inputs> periods, Map<String, BigDecimal> factors,
            Decisions decisions) {
        Draft d = new Draft(s);
        scheme.areas().forEach(a -> d.areas.put(a.code(), BigDecimal.ZERO.setScale(SCALE)));
        scheme.sources().forEach(src -> d.sources.put(src.code(), BigDecimal.ZERO.setScale(SCALE)));
        boolean annual = periods.stream().anyMatch(p -> p.kind() == PeriodKind.ANNUAL);
        for (Indicator i : scheme.indicators()) {
            boolean applies = annual || periods.stream().anyMatch(p -> i.measuredIn(p.kind()));
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (Inputs p : periods) {
                if (!i.measuredIn(p.kind())) {
                    continue;
                }
                BigDecimal raw = raw(i, s, p);
                if (raw != null) {
                    BigDecimal w = scheme.rules().weightOf(p.kind());
                    weighted = weighted.add(raw.multiply(w));
                    weights = weights.add(w);
                }
            }
            BigDecimal points;
            if (weights.signum() == 0) {
                points = BigDecimal.ZERO;
                if (!i.isBonus() && applies) {
                    d.missing.add(i.code());
                    if (decisions.excused(s.id(), i.code())) {
                        d.excused.add(i.code());
                    }
                }
            } else {
                points = weighted.divide(weights, WORK_SCALE, RoundingMode.HALF_UP);
            }
            BigDecimal contribution = points.multiply(factors.get(i.code())).setScale(SCALE, RoundingMode.HALF_UP);
            d.indicators.put(i.code(), contribution);
            d.areas.merge(i.area(), contribution, BigDecimal::add);
            d.sources.merge(i.source(), contribution, BigDecimal::add);
            if (i.isBonus()) {
                d.bonus = d.bonus.add(contribution);
            } else {
                d.base = d.base.add(contribution);
            }
        }
        d.adjustment = decisions.points(s.id()).setScale(SCALE, RoundingMode.HALF_UP);
        d.total = d.base.add(d.bonus).add(d.adjustment).max(BigDecimal.ZERO.setScale(SCALE));
        d.vetoed = decisions.vetoed(s.id());
        d.demoted = Math.max(0, decisions.demotion(s.id()));
        d.incomplete = scheme.rules().incomplete() != Scheme.Incomplete.COUNT_ZERO
                && d.excused.size() < d.missing.size();
        d.tieKeys = scheme.rules().tieSources().stream().map(src -> d.sources.getOrDefault(src, BigDecimal.ZERO))
                .toList();
        return d;
    }

    /** A period's raw points of an indicator for a subject, or null when that period did not measure it. */
    static @Nullable BigDecimal raw(Indicator i, Subject s, Inputs p) {
        BigDecimal max = i.maxPoints();
        BigDecimal raw = switch (i.method()) {
            case ENTERED -> {
                List<BigDecimal> sheets = p.entered(s.id(), i.code());
                if (sheets.isEmpty()) {
                    yield null;
                }
                BigDecimal sum = sheets.stream().map(v -> clamp(v, max)).reduce(BigDecimal.ZERO, BigDecimal::add);
                yield sum.divide(BigDecimal.valueOf(sheets.size()), WORK_SCALE, RoundingMode.HALF_UP);
            }
            case COUNTED -> {
                String source = i.countSource();
                if (source == null || !p.hasCounts(source)) {
                    yield null;
                }
                BigDecimal base = i.basePoints() == null ? BigDecimal.ZERO : i.basePoints();
                BigDecimal per = i.perOccurrence() == null ? BigDecimal.ZERO : i.perOccurrence();
                yield base.add(per.multiply(BigDecimal.valueOf(p.count(source, s.ref()))));
            }
            case VOTE -> {
                BigDecimal rate = p.rate(s.id(), i.code());
                yield rate == null ? null : max.multiply(rate.max(BigDecimal.ZERO).min(BigDecimal.ONE));
            }
            case BONUS -> p.bonus(s.id(), i.code()); // a period without items did not measure it
        };
        return raw == null ? null : clamp(raw, max);
    }

    private static BigDecimal clamp(BigDecimal v, BigDecimal max) {
        return v.max(BigDecimal.ZERO).min(max);
    }

    /** Best first: total, the tie sources in order, the base. */
    private static Comparator<Draft> order(Scheme scheme) {
        Comparator<Draft> c = Comparator.comparing((Draft d) -> d.total).reversed();
        for (int k = 0; k < scheme.rules().tieSources().size(); k++) {
            int idx = k;
            c = c.thenComparing(Comparator.comparing((Draft d) -> d.tieKeys.get(idx)).reversed());
        }
        return c.thenComparing(Comparator.comparing((Draft d) -> d.base).reversed());
    }

    private static Comparator<Draft> withName(Comparator<Draft> order) {
        return order.thenComparing(d -> d.subject.name()).thenComparingLong(d -> d.subject.id());
    }

    /** The final order: the ranking, with vetoed subjects kept out of the first places. */
    private static List<Draft> place(List<Draft> drafts, Comparator<Draft> order, int vetoTopPlaces) {
        List<Draft> sorted = new ArrayList<>(drafts);
        sorted.sort(withName(order));
        if (vetoTopPlaces <= 0 || sorted.stream().noneMatch(d -> d.vetoed)) {
            return sorted;
        }
        Deque<Draft> clean = new ArrayDeque<>();
        Deque<Draft> all = new ArrayDeque<>(sorted);
        sorted.stream().filter(d -> !d.vetoed).forEach(clean::add);
        List<Draft> out = new ArrayList<>(sorted.size());
        while (out.size() < vetoTopPlaces && !clean.isEmpty()) {
            Draft d = clean.poll();
            all.remove(d);
            out.add(d);
        }
        out.addAll(all);
        return out;
    }

    private static void assignRanks(List<Draft> ranked, Comparator<Draft> order) {
        for (int p = 0; p < ranked.size(); p++) {
            Draft d = ranked.get(p);
            Draft prev = p == 0 ? null : ranked.get(p - 1);
            d.rank = prev != null && prev.vetoed == d.vetoed && order.compare(prev, d) == 0 ? prev.rank : p + 1;
        }
    }

    private static void assignTiers(List<Draft> ranked, List<Tier> tiers) {
        int t = 0;
        int taken = 0;
        @Nullable Draft prev = null; // the last subject that could take a tier
        for (int p = 0; p < ranked.size() && t < tiers.size(); p++) {
            Draft d = ranked.get(p);
            if (d.incomplete) {
                continue; // no tier and no slot: the next complete subject takes it
            }
            boolean tiedWithPrev = prev != null && prev.rank == d.rank && prev.naturalTierIndex == t;
            prev = d;
            while (t < tiers.size() && !fits(tiers.get(t), d, taken, tiedWithPrev)) {
                t++;
                taken = 0;
                tiedWithPrev = false;
            }
            if (t < tiers.size()) {
                d.naturalTierIndex = t;
                if (!(d.vetoed && tiers.get(t).excellent())) {
                    taken++; // a vetoed subject takes no place in an excellent tier it cannot have
                }
            }
        }
        for (Draft d : ranked) {
            int idx = d.naturalTierIndex;
            if (idx < 0) {
                continue;
            }
            d.naturalTier = tiers.get(idx).code();
            if (d.vetoed) {
                while (idx < tiers.size() && tiers.get(idx).excellent()) {
                    idx++;
                }
            }
            idx += d.demoted;
            d.tier = idx < tiers.size() ? tiers.get(idx).code() : null;
        }
    }

    private static boolean fits(Tier tier, Draft d, int taken, boolean tiedWithPrev) {
        if (tiedWithPrev) {
            return true;
        }
        boolean room = tier.slots() == null || taken < tier.slots();
        boolean scoreOk = tier.minScore() == null || d.total.compareTo(tier.minScore()) >= 0
                || (tier.atLeast() != null && taken < tier.atLeast());
        return room && scoreOk;
    }

    /** A subject's result while it is worked out. */
    private static final class Draft {
        final Subject subject;
        final Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        final Map<String, BigDecimal> areas = new LinkedHashMap<>();
        final Map<String, BigDecimal> sources = new LinkedHashMap<>();
        final List<String> missing = new ArrayList<>();
        final List<String> excused = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO.setScale(SCALE);
        BigDecimal bonus = BigDecimal.ZERO.setScale(SCALE);
        BigDecimal adjustment = BigDecimal.ZERO.setScale(SCALE);
        BigDecimal total = BigDecimal.ZERO.setScale(SCALE);
        List<BigDecimal> tieKeys = List.of();
        boolean vetoed;
        boolean incomplete;
        int demoted;
        int rank;
        int naturalTierIndex = -1;
        @Nullable String naturalTier;
        @Nullable String tier;

        Draft(Subject subject) {
            this.subject = subject;
        }
    }
}
