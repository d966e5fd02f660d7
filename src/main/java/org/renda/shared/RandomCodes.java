package org.renda.shared;

import java.security.SecureRandom;

/**
 * Random codes people read, type and scan: public page keys, receipts. Lower-case letters and digits without
 * the look-alikes (0/o, 1/l/i), drawn from a {@link SecureRandom}; 12 characters carry ~59 bits.
 */
public final class RandomCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CHARS = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();

    private RandomCodes() {}

    public static String of(int length) {
        return of(length, CHARS);
    }

    /** A code of the given characters (e.g. upper case for codes printed on paper slips). */
    public static String of(int length, String alphabet) {
        return of(length, alphabet.toCharArray());
    }

    private static String of(int length, char[] alphabet) {
        char[] c = new char[length];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(c);
    }
}
