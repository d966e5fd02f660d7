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

    /** The code of the abstain choice on ballots, paper tallies and exports; reserved, no preset level uses it. */
    public static final String ABSTAIN_CODE = "ABSTAIN";

    /**
     * The abstain choice (弃权) a vote offers when it is created with it: no score and never satisfied; an
     * abstention is counted apart and is not a valid vote, so it stays out of the satisfaction rate.
     */
    public static final Level ABSTAIN = new Level(ABSTAIN_CODE, "弃权", 0, false);

    /** One level of a scale: its code on ballots, its label, its score and whether it counts as satisfied. */
    public record Level(String code, String label, BigDecimal score, boolean satisfied) {
        Level(String code, String label, int score, boolean satisfied) {
            this(code, label, BigDecimal.valueOf(score), satisfied);
        }

        /** The abstain choice: counted apart, neither a valid vote nor a score. */
        public boolean abstains() {
            return ABSTAIN_CODE.equals(code);
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

    /**
     * The levels a vote on this scale offers: the scale's, then the abstain choice when the vote has one. None of
     * the presets offers it by default: the seeds' ballots ([003] 满意 / 较满意 / 基本满意 / 不满意) have none;
     * staff tick it per vote when its rules provide for abstaining.
     */
    public List<Level> levels(boolean abstain) {
        if (!abstain) {
            return levels;
        }
        List<Level> out = new java.util.ArrayList<>(levels);
        out.add(ABSTAIN);
        return List.copyOf(out);
    }
}
