package org.renda.report.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * One figure of the annual report.
 *
 * @param section the chapter it is written in
 * @param order its place in the chapter (ascending)
 * @param key a stable key (e.g. {@code casework.closed}): the API's field name and what tests read back
 * @param labelKey the message key of its Chinese label (e.g. 已办结)
 * @param value the figure: a count, a percentage (two decimals) or fen for {@link ReportUnit#YUAN}
 * @param unit what it is counted in
 * @param link the address of the web list of the records it counts, filtered to them (null: no such list)
 */
public record ReportFigure(ReportSection section, int order, String key, String labelKey, BigDecimal value,
        ReportUnit unit, @Nullable String link) {

    /** A count (or fen, for {@link ReportUnit#YUAN}). */
    public static ReportFigure count(ReportSection section, int order, String key, String labelKey, long value,
            ReportUnit unit, @Nullable String link) {
        return new ReportFigure(section, order, key, labelKey, BigDecimal.valueOf(value), unit, link);
    }

    /** A rate as a percentage of {@code part} over {@code whole} (0 when the whole is 0), two decimals. */
    public static ReportFigure rate(ReportSection section, int order, String key, String labelKey, long part,
            long whole, @Nullable String link) {
        BigDecimal pct = whole == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
        return new ReportFigure(section, order, key, labelKey, pct, ReportUnit.PERCENT, link);
    }

    /** A rate given as a fraction 0..1 (e.g. a satisfaction rate), shown as a percentage with two decimals. */
    public static ReportFigure fraction(ReportSection section, int order, String key, String labelKey,
            BigDecimal fraction, @Nullable String link) {
        return new ReportFigure(section, order, key, labelKey,
                fraction.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP), ReportUnit.PERCENT, link);
    }

    /** The value as a whole number (counts and fen). */
    public long longValue() {
        return value.longValue();
    }
}
