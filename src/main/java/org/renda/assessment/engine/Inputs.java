package org.renda.assessment.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What one period measured: entered points per sheet, record counts, satisfaction rates, bonus items. */
public final class Inputs {

    private final PeriodKind kind;
    private final Map<Long, Map<String, List<BigDecimal>>> entered = new HashMap<>();
    private final Map<String, Map<Long, Integer>> counts = new HashMap<>();
    private final Map<Long, Map<String, BigDecimal>> rates = new HashMap<>();
    private final Map<Long, Map<String, BigDecimal>> bonuses = new HashMap<>();

    public Inputs(PeriodKind kind) {
        this.kind = kind;
    }

    public PeriodKind kind() {
        return kind;
    }

    /** One sheet's points for a subject's indicator. */
    public Inputs enter(long subjectId, String indicator, BigDecimal points) {
        entered.computeIfAbsent(subjectId, k -> new HashMap<>()).computeIfAbsent(indicator, k -> new ArrayList<>())
                .add(points);
        return this;
    }

    /** The counts of a named record source, by subject reference (organisation or deputy id). */
    public Inputs counts(String source, Map<Long, Integer> byRef) {
        counts.computeIfAbsent(source, k -> new HashMap<>()).putAll(byRef);
        return this;
    }

    /** A satisfaction rate between 0 and 1. */
    public Inputs rate(long subjectId, String indicator, BigDecimal rate) {
        rates.computeIfAbsent(subjectId, k -> new HashMap<>()).put(indicator, rate);
        return this;
    }

    /** One bonus item's points; items of the same indicator add up. */
    public Inputs bonus(long subjectId, String indicator, BigDecimal points) {
        bonuses.computeIfAbsent(subjectId, k -> new HashMap<>()).merge(indicator, points, BigDecimal::add);
        return this;
    }

    List<BigDecimal> entered(long subjectId, String indicator) {
        return entered.getOrDefault(subjectId, Map.of()).getOrDefault(indicator, List.of());
    }

    boolean hasCounts(String source) {
        return counts.containsKey(source);
    }

    int count(String source, long ref) {
        return counts.getOrDefault(source, Map.of()).getOrDefault(ref, 0);
    }

    @Nullable BigDecimal rate(long subjectId, String indicator) {
        return rates.getOrDefault(subjectId, Map.of()).get(indicator);
    }

    @Nullable BigDecimal bonus(long subjectId, String indicator) {
        return bonuses.getOrDefault(subjectId, Map.of()).get(indicator);
    }
}
