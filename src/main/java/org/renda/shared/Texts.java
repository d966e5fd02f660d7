package org.renda.shared;

import org.jspecify.annotations.Nullable;

/** Small text rules for form input, the same in every module. */
public final class Texts {

    private Texts() {}

    /** The text without surrounding spaces, or null when nothing but spaces was entered (an optional field). */
    public static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The text without C0 control characters other than tab, line feed and carriage return, and without DEL.
     * Such characters never carry meaning in what people type; NUL in particular is refused by PostgreSQL
     * (and would be stored by H2). The web edge strips them from every parameter and JSON string once, so
     * no module sees them. Returns the same instance when there is nothing to strip.
     */
    public static String stripControls(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && !isStrippedControl(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isStrippedControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isStrippedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }
}
