package org.renda.shared;

import org.jspecify.annotations.Nullable;

/** Small text rules for form input, the same in every module. */
public final class Texts {

    private Texts() {}

    /** The text without surrounding spaces, or null when nothing but spaces was entered (an optional field). */
    public static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
