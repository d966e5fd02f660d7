package org.renda.appraisal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rating scales a vote may use, as data: each level's code, label, score and whether it counts as
 * satisfied. A vote copies its scale's levels when it is created, so a level's score or "satisfied" flag
 * can be set per vote without touching the presets.
 */
public enum VoteScale {
    /** 满意 / 较满意 / 基本满意 / 不满意: the appraisal meeting's four levels [seed 003]. */
    FOUR_LEVEL(List.of(new Level("SATISFIED", "满意", 100, true), new Level("FAIRLY", "较满意", 80, true),
            new Level("BASIC", "基本满意", 60, false), new Level("UNSATISFIED", "不满意", 0, false))),
    /** 满意 / 基本满意 / 不满意. */
    THREE_LEVEL(List.of(new Level("SATISFIED", "满意", 100, true), new Level("BASIC", "基本满意", 60, true),
            new Level("UNSATISFIED", "不满意", 0, false))),
    /** 称职 / 基本称职 / 不称职: officials' duty reports (述职评议). */
    COMPETENCE(List.of(new Level("COMPETENT", "称职", 100, true), new Level("BASIC", "基本称职", 60, true),
            new Level("INCOMPETENT", "不称职", 0, false)));

    /** One level of a scale: its code on ballots, its label, its score and whether it counts as satisfied. */
    public record Level(String code, String label, BigDecimal score, boolean satisfied) {
        Level(String code, String label, int score, boolean satisfied) {
            this(code, label, BigDecimal.valueOf(score), satisfied);
        }
    }

    /** How a subject's satisfaction rate is computed from its counts. */
    public enum RateRule {
        /** The share of valid votes on a level that counts as satisfied, e.g. (满意 + 较满意) / valid. */
        SATISFIED_SHARE,
        /** The mean score of the valid votes divided by the highest score of the scale. */
        WEIGHTED
    }

    private final List<Level> levels;

    VoteScale(List<Level> levels) {
        this.levels = levels;
    }

    public List<Level> levels() {
        return levels;
    }
}
