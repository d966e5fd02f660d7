package org.renda.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;

/**
 * Amounts of money as a {@code long} of fen (分), end to end: parsed exactly from what a clerk types (1234.56 with or
 * without thousands separators, 1234.5, ¥1234, 1234元) through {@link BigDecimal} at the edge, never through floating
 * point; formatted back with thousands separators, two decimals and the unit 元. Sums of fen are exact integer sums.
 */
public final class Money {

    /** The largest amount one entry may carry: 1 亿元 (a town congress's year is far below). */
    public static final long MAX_FEN = 100_000_000_00L;

    private Money() {}

    /**
     * The fen of a typed amount; refuses (beside {@code field}) a blank, something not a number, more than two
     * decimals, a negative or zero amount and anything above {@link #MAX_FEN}.
     */
    public static long parse(String field, @Nullable String text) {
        return parse(field, text, false);
    }

    /** Like {@link #parse(String, String)}, but zero is allowed (a budget or a rate of nothing). */
    public static long parseAllowZero(String field, @Nullable String text) {
        return parse(field, text, true);
    }

    private static long parse(String field, @Nullable String text, boolean zeroAllowed) {
        if (text == null || text.isBlank()) {
            throw DomainException.onField(field, "funds.error.amount.blank");
        }
        String s = text.strip().replace("，", ",").replace("．", ".");
        s = s.replace("¥", "").replace("￥", "").replace("RMB", "").replace("元", "").replace(",", "")
                .replace(" ", "").replace("\u00a0", "");
        if (s.startsWith("-")) {
            throw DomainException.onField(field, "funds.error.amount.negative");
        }
        if (!s.matches("\\+?\\d{1,15}(\\.\\d*)?|\\+?\\.\\d+")) {
            throw DomainException.onField(field, "funds.error.amount.format", text.strip());
        }
        BigDecimal value = new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
        if (value.stripTrailingZeros().scale() > 2) {
            throw DomainException.onField(field, "funds.error.amount.decimals");
        }
        BigDecimal fen = value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
        if (fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
            throw DomainException.onField(field, "funds.error.amount.tooLarge", format(MAX_FEN));
        }
        long out = fen.longValueExact();
        if (out == 0 && !zeroAllowed) {
            throw DomainException.onField(field, "funds.error.amount.zero");
        }
        return out;
    }

    /** The amount with thousands separators and two decimals, without the unit (a minus sign when negative). */
    public static String plain(long fen) {
        long abs = Math.abs(fen);
        String yuan = String.format(java.util.Locale.ROOT, "%,d", abs / 100);
        return (fen < 0 ? "-" : "") + yuan + "." + String.format(java.util.Locale.ROOT, "%02d", abs % 100);
    }

    /** The amount with thousands separators, two decimals and the unit 元. */
    public static String format(long fen) {
        return plain(fen) + " 元";
    }

    /** The exact yuan of an amount (for numeric spreadsheet cells: at most two decimals). */
    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** Spent over budget as a percentage with one decimal (87.5%), exact, rounding half up; a dash without budget. */
    public static String rate(long part, long whole) {
        if (whole <= 0) {
            return "—";
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
