package org.renda.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.renda.shared.DomainException;

/**
 * A password must be at least 8 characters and mix two of letters, digits and symbols; it may not be the
 * username, nor a common password: one on the bundled list ({@code identity/common-passwords.txt}: leak-list
 * favourites, 5201314 and 888888, pinyin names and words, qq numbers, keyboard walks), one whose letters are such a
 * word once the digits and symbols around them are stripped (zhangwei1990, woaini1314!), or a date (1990-01-01).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;

    private static final Pattern AROUND = Pattern.compile("^[^\\p{L}]*(.*?)[^\\p{L}]*$");
    private static final Pattern DATE = Pattern.compile("(19[3-9]\\d|20[0-3]\\d)(\\d{2})(\\d{2})");

    private PasswordPolicy() {}

    static void check(String username, String password) {
        if (password.length() < MIN_LENGTH || password.length() > 128) {
            throw new DomainException("password.error.length", MIN_LENGTH);
        }
        if (isCommon(password)) {
            throw new DomainException("password.error.common");
        }
        int classes = (password.chars().anyMatch(Character::isLetter) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 2) {
            throw new DomainException("password.error.mix");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new DomainException("password.error.username");
        }
    }

    static boolean isCommon(String password) {
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (Common.WORDS.contains(lower)) {
            return true;
        }
        Matcher m = AROUND.matcher(lower);
        String stem = m.matches() ? m.group(1) : lower;
        if (stem.isEmpty()) { // digits and symbols only: a listed number, or a date such as 1990-01-01
            String digits = lower.replaceAll("\\D", "");
            return Common.WORDS.contains(digits) || isDate(digits);
        }
        return Common.WORDS.contains(stem);
    }

    static int commonCount() {
        return Common.WORDS.size();
    }

    private static boolean isDate(String digits) {
        Matcher m = DATE.matcher(digits);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The list, read once, when the first password is checked. */
    private static final class Common {
        static final Set<String> WORDS = load();

        private static Set<String> load() {
            Set<String> words = new HashSet<>(16_384);
            try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("identity/common-passwords.txt is missing");
                }
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String w = line.strip();
                    if (!w.isEmpty() && !w.startsWith("#")) {
                        words.add(w.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(words);
        }
    }
}
