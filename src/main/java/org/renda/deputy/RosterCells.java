package org.renda.deputy;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values people type into a roster sheet: terms as 18 or 第十八届, dates as 1975-03-01, 1975/3/1,
 * 1975.3.1, 1975年3月1日 or 19750301 (a real Excel date cell arrives as ISO from {@code Xlsx}), years as
 * 2021 or 2021年. Full-width digits and punctuation (１９７５／３／１) are read like their ASCII twins.
 */
final class RosterCells {

    private static final String CHINESE_DIGITS = "〇一二三四五六七八九";
    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** A time of day after the date, as a date-and-time cell or a pasted timestamp carries it; ignored. */
    private static final Pattern TIME_SUFFIX = Pattern.compile("\\s+\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");

    private RosterCells() {}

    /** 18, 18.0, 第18届, 第十八届, 十八 → 18; from 1 to 99. */
    static OptionalInt termNo(String text) {
        String t = normalize(text);
        if (t.startsWith("第")) {
            t = t.substring(1);
        }
        if (t.endsWith("届")) {
            t = t.substring(0, t.length() - 1);
        }
        OptionalInt n = t.matches("\\d{1,2}(\\.0+)?") ? OptionalInt.of(Integer.parseInt(t.replaceAll("\\.0+$", "")))
                : chineseNumber(t);
        return n.isPresent() && n.getAsInt() >= 1 && n.getAsInt() <= 99 ? n : OptionalInt.empty();
    }

    /** 一 … 九十九 (also 两 and 〇/零 as digits); anything else, or 100 and above, is empty. */
    static OptionalInt chineseNumber(String text) {
        String t = text.replace('两', '二').replace('零', '〇');
        if (t.isEmpty() || t.length() > 3) {
            return OptionalInt.empty();
        }
        int ten = t.indexOf('十');
        if (ten < 0) {
            return t.length() == 1 ? digit(t.charAt(0)) : OptionalInt.empty();
        }
        if (t.indexOf('十', ten + 1) >= 0) {
            return OptionalInt.empty();
        }
        String before = t.substring(0, ten);
        String after = t.substring(ten + 1);
        int tens = 1;
        if (!before.isEmpty()) {
            OptionalInt d = before.length() == 1 ? digit(before.charAt(0)) : OptionalInt.empty();
            if (d.isEmpty() || d.getAsInt() == 0) {
                return OptionalInt.empty();
            }
            tens = d.getAsInt();
        }
        int units = 0;
        if (!after.isEmpty()) {
            OptionalInt d = after.length() == 1 ? digit(after.charAt(0)) : OptionalInt.empty();
            if (d.isEmpty() || d.getAsInt() == 0) {
                return OptionalInt.empty();
            }
            units = d.getAsInt();
        }
        return OptionalInt.of(tens * 10 + units);
    }

    /** A calendar date between 1900 and 2100 in one of the accepted spellings. */
    static Optional<LocalDate> date(String text) {
        String t = TIME_SUFFIX.matcher(normalize(text)).replaceFirst("");
        Matcher m = SEPARATED.matcher(t);
        if (m.matches()) {
            return date(m.group(1), m.group(3), m.group(4));
        }
        m = CHINESE_DATE.matcher(t);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT.matcher(t);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        return Optional.empty();
    }

    /** 2021, 2021年, 2021.0 → 2021; four digits only, range checks are the caller's. */
    static OptionalInt year(String text) {
        String t = normalize(text);
        if (t.endsWith("年")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.matches("\\d{4}(\\.0+)?") ? OptionalInt.of(Integer.parseInt(t.substring(0, 4))) : OptionalInt.empty();
    }

    /** 乡镇, 乡镇级, 镇, 县级, 县, 区, 市级, 省级, 全国, TOWN, 乡镇人大代表 … → the level. */
    static Optional<DeputyLevel> level(String text) {
        String t = normalize(text);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeputyLevel> direct = DeputyLevel.parse(t);
        if (direct.isPresent()) {
            return direct;
        }
        String s = t.replaceFirst("(人大代表|人民代表大会代表|代表)$", "").replaceFirst("级$", "");
        return switch (s) {
            case "乡", "镇", "乡镇", "乡、镇" -> Optional.of(DeputyLevel.TOWN);
            case "县", "区", "县区", "县(市、区)", "县(区)" -> Optional.of(DeputyLevel.COUNTY);
            case "国家" -> Optional.of(DeputyLevel.NATIONAL);
            default -> s.isEmpty() || s.equals(t) ? Optional.empty() : DeputyLevel.parse(s);
        };
    }

    /** Full-width forms folded (NFKC), inner blanks removed except before a time of day, trimmed. */
    static String normalize(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return TIME_SUFFIX.matcher(t).find() ? t : t.replaceAll("\\s+", "");
    }

    private static Optional<LocalDate> date(String y, String m, String d) {
        int year = Integer.parseInt(y);
        if (year < 1900 || year > 2100) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static OptionalInt digit(char c) {
        int i = CHINESE_DIGITS.indexOf(c);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }
}
