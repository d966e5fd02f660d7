package org.renda.shared;

import org.jspecify.annotations.Nullable;

/** Masks personal data (phone, ID number) for lists and exports: only staff opening a record see it whole. */
public final class Masking {

    private Masking() {}

    /** 13812345678 becomes 138****5678. */
    public static String phone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String p = phone.strip();
        if (p.length() < 7) {
            return "*".repeat(p.length());
        }
        return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }

    /** An 18-character resident ID keeps its first 6 and last 4 characters. */
    public static String idNumber(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String s = id.strip();
        if (s.length() <= 10) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }
}
