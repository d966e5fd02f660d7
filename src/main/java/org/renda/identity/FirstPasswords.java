package org.renda.identity;

import java.security.SecureRandom;

/**
 * Generated first-sign-in passwords, to be read off a printed slip and typed on a phone: three groups of four
 * characters joined by hyphens (e.g. {@code Kp7m-x3Qa-9Rtz}), from letters and digits that cannot be mistaken for
 * one another (no 0/O/o, 1/l/I). 56 symbols in 12 places: about 69 bits, far beyond guessing within the sign-in
 * throttle, and the user must replace it at first sign-in anyway. Always at least two letters and two digits, so
 * {@link PasswordPolicy} accepts it.
 */
final class FirstPasswords {

    static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String DIGITS = "23456789";
    static final String ALPHABET = LETTERS + DIGITS;

    private static final SecureRandom RANDOM = new SecureRandom();

    private FirstPasswords() {}

    static String generate() {
        while (true) {
            StringBuilder out = new StringBuilder(14);
            int letters = 0;
            int digits = 0;
            for (int i = 0; i < 12; i++) {
                if (i > 0 && i % 4 == 0) {
                    out.append('-');
                }
                char c = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
                if (Character.isDigit(c)) {
                    digits++;
                } else {
                    letters++;
                }
                out.append(c);
            }
            if (letters >= 2 && digits >= 2) {
                return out.toString();
            }
        }
    }
}
