package org.renda.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.renda.report.spi.ReportFigure;
import org.renda.report.spi.ReportUnit;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How a report reads: a figure's value with its measure word (「319场」, 「92.35%」, 「510,000.00元」), a chapter's
 * sentence built from its figures' labels (「共开展人大代表联系群众活动319场，接待和走访选民320人次……。」), the
 * date and time it was computed. Figures are written as their labels say, so a new source (the regulation
 * checklist) reads well without a new template.
 */
@Component
class ReportTexts {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final MessageSource messages;

    ReportTexts(MessageSource messages) {
        this.messages = messages;
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    String label(ReportFigure f, Locale locale) {
        return msg(f.labelKey(), locale);
    }

    /** The label in a few characters for a chart (the bundle's {@code <label>.short}, else the label). */
    String shortLabel(ReportFigure f, Locale locale) {
        return messages.getMessage(f.labelKey() + ".short", null, label(f, locale), locale);
    }

    /** The number alone: 319, 92.35, 510,000.00. */
    static String number(ReportFigure f) {
        return switch (f.unit()) {
            case PERCENT -> f.value().setScale(2, RoundingMode.HALF_UP).toPlainString();
            case YUAN -> yuan(f.longValue());
            default -> grouped(f.longValue());
        };
    }

    /** The value with its measure word: 319场, 92.35%, 510,000.00元. */
    String value(ReportFigure f, Locale locale) {
        return number(f) + msg(f.unit().messageKey(), locale);
    }

    /** The unit's word alone (场, %, 元), for a table's column. */
    String unit(ReportUnit unit, Locale locale) {
        return msg(unit.messageKey(), locale);
    }

    /**
     * The value as an office writes it in a sentence: money of 10,000 yuan and more in 万元 (132.6万元), the rest as
     * {@link #value}.
     */
    String prose(ReportFigure f, Locale locale) {
        if (f.unit() == ReportUnit.YUAN && Math.abs(f.longValue()) >= 1_000_000L) {
            BigDecimal wan = BigDecimal.valueOf(f.longValue()).divide(BigDecimal.valueOf(1_000_000L), 2,
                    RoundingMode.HALF_UP).stripTrailingZeros();
            return wan.toPlainString() + msg("report.unit.wanYuan", locale);
        }
        return value(f, locale);
    }

    /** True if the figure counts nothing (a sentence leaves it out; the table keeps it). */
    static boolean zero(ReportFigure f) {
        return f.value().signum() == 0;
    }

    /**
     * The chapter as one sentence: its lead, then each figure that counts something as label and value, joined by
     * commas (「全年，依托联络站开展人大代表联系群众活动319场，接待和走访选民320人次。」).
     */
    String sentence(AnnualReport.Chapter chapter, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (ReportFigure f : chapter.figures()) {
            if (!zero(f)) {
                parts.add(label(f, locale) + prose(f, locale));
            }
        }
        if (parts.isEmpty()) {
            return msg("report.sentence.nothing", locale);
        }
        String sep = msg("report.sentence.separator", locale);
        return msg(chapter.section().messageKey() + ".lead", locale) + String.join(sep, parts)
                + msg("report.sentence.end", locale);
    }

    String computedAt(AnnualReport r) {
        return WHEN.format(r.computedAt().atZone(ZONE));
    }

    String day(AnnualReport r) {
        return DAY.format(r.computedAt().atZone(ZONE));
    }

    static String yuan(long fen) {
        BigDecimal y = BigDecimal.valueOf(fen).movePointLeft(2);
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(y);
    }

    static String grouped(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }
}
