package org.renda.identity;

import org.renda.shared.DomainException;

/**
 * A password must be at least 8 characters and mix two of letters, digits and symbols; it may not be the
 * username.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;

    private PasswordPolicy() {}

    static void check(String username, String password) {
        if (password.length() < MIN_LENGTH || password.length() > 128) {
            throw new DomainException("password.error.length", MIN_LENGTH);
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
}
