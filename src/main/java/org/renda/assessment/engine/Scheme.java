package org.renda.assessment.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The definition of a scheme version: areas, sources, indicators, award tiers and the rules of ranking.
 * It is data (stored as JSON with the scheme) and immutable once the version is approved.
 *
 * @param base the points of the base (100 in seed 002); a bonus comes on top
 * @param weighting where the weights sit, see {@link Weighting}
 * @param rules ranking, veto and period rules
 */
public record Scheme(BigDecimal base, Weighting weighting, List<Area> areas, List<Source> sources,
        List<Indicator> indicators, List<Tier> tiers, Rules rules) {

    public Scheme {
        areas = List.copyOf(areas);
        sources = List.copyOf(sources);
        indicators = List.copyOf(indicators);
        tiers = List.copyOf(tiers);
    }

    /** An area of work (人代会工作, 监督工作, ...); the weight is its share of the base, if the scheme weighs areas. */
    public record Area(String code, String name, @Nullable BigDecimal weight) {}

    /** Who has the say (人大 supervision, departments' business, the masses' satisfaction) and its weight. */
    public record Source(String code, String name, @Nullable BigDecimal weight) {}

    /**
     * One indicator.
     *
     * @param countSource COUNTED: the named record count, e.g. {@code deputy.duty.RECEPTION}
     * @param basePoints COUNTED: points before the first occurrence
     * @param perOccurrence COUNTED: points per counted record
     * @param voteRef VOTE: the vote that gives the satisfaction rate
     * @param periods the period kinds the indicator is measured in (empty: every kind)
     * @param reasonBelow ENTERED: a note is required when the points are below this share of the maximum (0 to 1)
     */
    public record Indicator(String code, String area, String source, String name, BigDecimal maxPoints,
            Method method, @Nullable String countSource, @Nullable BigDecimal basePoints,
            @Nullable BigDecimal perOccurrence, @Nullable String voteRef, Set<PeriodKind> periods,
            @Nullable BigDecimal reasonBelow, @Nullable String guidance) {

        public Indicator {
            periods = Set.copyOf(periods);
        }

        public static Indicator entered(String code, String area, String source, String name, String max) {
            return new Indicator(code, area, source, name, new BigDecimal(max), Method.ENTERED, null, null, null,
                    null, Set.of(), null, null);
        }

        public static Indicator counted(String code, String area, String source, String name, String max,
                String countSource, String base, String perOccurrence) {
            return new Indicator(code, area, source, name, new BigDecimal(max), Method.COUNTED, countSource,
                    new BigDecimal(base), new BigDecimal(perOccurrence), null, Set.of(), null, null);
        }

        public static Indicator vote(String code, String area, String source, String name, String max,
                String voteRef, Set<PeriodKind> periods) {
            return new Indicator(code, area, source, name, new BigDecimal(max), Method.VOTE, null, null, null,
                    voteRef, periods, null, null);
        }

        public static Indicator bonus(String code, String area, String source, String name, String max) {
            return new Indicator(code, area, source, name, new BigDecimal(max), Method.BONUS, null, null, null,
                    null, Set.of(), null, null);
        }

        public boolean isBonus() {
            return method == Method.BONUS;
        }

        public boolean measuredIn(PeriodKind kind) {
            return periods.isEmpty() || periods.contains(kind);
        }
    }

    /**
     * An award tier, given down the ranking: to the next {@code slots} subjects, or to every subject with at
     * least {@code minScore}, but to at least {@code atLeast} subjects (e.g. "not fewer than 10 excellent
     * deputies" [004]). {@code excellent} tiers (一等奖, 优秀, 先进单位) are closed to a vetoed subject.
     */
    public record Tier(String code, String name, boolean excellent, @Nullable Integer slots,
            @Nullable BigDecimal minScore, @Nullable Integer atLeast) {

        public static Tier top(String code, String name, boolean excellent, int slots) {
            return new Tier(code, name, excellent, slots, null, null);
        }
    }

    /**
     * @param tieSources the sources whose scores break a tie of totals, in order (then the base score)
     * @param vetoTopPlaces the top places a vetoed subject cannot take (一票否决: "不得评为优秀或前列名次")
     * @param periodWeights how the periods combine into the annual result; a kind absent weighs 1
     * @param appealDays the days a subject may appeal after publication
     * @param incomplete what a subject with unscored indicators may take, see {@link Incomplete} (absent in a
     *     definition stored before the rule existed: {@link Incomplete#NO_TIER})
     * @param tierPeriods the period kinds whose results give award tiers (empty: every kind); the villages' June
     *     and December measurements feed the annual assessment and give no prize of their own [000]
     */
    public record Rules(List<String> tieSources, int vetoTopPlaces, Map<PeriodKind, BigDecimal> periodWeights,
            int appealDays, @Nullable Incomplete incomplete, @Nullable Set<PeriodKind> tierPeriods) {

        public Rules {
            tieSources = List.copyOf(tieSources);
            periodWeights = Map.copyOf(periodWeights);
            incomplete = incomplete == null ? Incomplete.NO_TIER : incomplete;
            tierPeriods = tierPeriods == null ? Set.of() : Set.copyOf(tierPeriods);
        }

        /** The rules without a tier rule of their own: incomplete subjects take no tier, every period gives tiers. */
        public Rules(List<String> tieSources, int vetoTopPlaces, Map<PeriodKind, BigDecimal> periodWeights,
                int appealDays) {
            this(tieSources, vetoTopPlaces, periodWeights, appealDays, Incomplete.NO_TIER, Set.of());
        }

        /** Whether results of a period of this kind give award tiers. */
        public boolean givesTiers(PeriodKind kind) {
            return tierPeriods == null || tierPeriods.isEmpty() || tierPeriods.contains(kind);
        }

        public BigDecimal weightOf(PeriodKind kind) {
            return periodWeights.getOrDefault(kind, BigDecimal.ONE);
        }
    }

    /**
     * What a subject with unscored indicators (nobody measured them and the presidium has not excused them) may
     * take. An excused indicator (the presidium records it as not applicable or scored zero, with a reason)
     * counts 0 and no longer stands in the way.
     */
    public enum Incomplete {
        /** No award tier, and no tier's slot: the next complete subject takes it. The rank stays (by total). */
        NO_TIER,
        /** Unscored indicators count 0 and the subject is tiered like any other (the rule before 2026). */
        COUNT_ZERO
    }

    public @Nullable Indicator indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    /** The most a subject can reach before bonus and adjustments (equal to the base when the weights add up). */
    public BigDecimal baseMaximum() {
        return switch (weighting) {
            case AREA -> areas.stream().map(a -> a.weight() == null ? BigDecimal.ZERO : a.weight())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            case SOURCE -> sources.stream().map(s -> s.weight() == null ? BigDecimal.ZERO : s.weight())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            case NONE -> indicators.stream().filter(i -> !i.isBonus()).map(Indicator::maxPoints)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        };
    }

    /**
     * What is wrong with the definition, as message keys with their argument after a colon
     * ({@code assessment.scheme.error.area:ZZ}); empty when it can be approved.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        Set<String> areaCodes = new HashSet<>();
        areas.forEach(a -> {
            if (!areaCodes.add(a.code())) {
                out.add("assessment.scheme.error.duplicate:" + a.code());
            }
            if (weighting == Weighting.AREA && (a.weight() == null || a.weight().signum() <= 0)) {
                out.add("assessment.scheme.error.weight:" + a.name());
            }
        });
        Set<String> sourceCodes = new HashSet<>();
        sources.forEach(s -> {
            if (!sourceCodes.add(s.code())) {
                out.add("assessment.scheme.error.duplicate:" + s.code());
            }
            if (weighting == Weighting.SOURCE && (s.weight() == null || s.weight().signum() <= 0)) {
                out.add("assessment.scheme.error.weight:" + s.name());
            }
        });
        Set<String> codes = new HashSet<>();
        if (indicators.isEmpty()) {
            out.add("assessment.scheme.error.empty:");
        }
        for (Indicator i : indicators) {
            if (!codes.add(i.code())) {
                out.add("assessment.scheme.error.duplicate:" + i.code());
            }
            if (!areaCodes.contains(i.area())) {
                out.add("assessment.scheme.error.area:" + i.code());
            }
            if (!sourceCodes.contains(i.source())) {
                out.add("assessment.scheme.error.source:" + i.code());
            }
            if (i.maxPoints().signum() <= 0) {
                out.add("assessment.scheme.error.max:" + i.code());
            }
            if (i.method() == Method.COUNTED && (i.countSource() == null || i.perOccurrence() == null)) {
                out.add("assessment.scheme.error.counted:" + i.code());
            }
            if (i.method() == Method.VOTE && i.voteRef() == null) {
                out.add("assessment.scheme.error.vote:" + i.code());
            }
        }
        if (weighting == Weighting.AREA) {
            areas.stream().filter(a -> indicators.stream().noneMatch(i -> !i.isBonus() && i.area().equals(a.code())))
                    .forEach(a -> out.add("assessment.scheme.error.noIndicator:" + a.name()));
        }
        if (weighting == Weighting.SOURCE) {
            sources.stream()
                    .filter(s -> indicators.stream().noneMatch(i -> !i.isBonus() && i.source().equals(s.code())))
                    .forEach(s -> out.add("assessment.scheme.error.noIndicator:" + s.name()));
        }
        for (String s : rules.tieSources()) {
            if (!sourceCodes.contains(s)) {
                out.add("assessment.scheme.error.source:" + s);
            }
        }
        for (Tier t : tiers) {
            if (t.slots() == null && t.minScore() == null) {
                out.add("assessment.scheme.error.tier:" + t.name());
            }
        }
        return out;
    }
}
