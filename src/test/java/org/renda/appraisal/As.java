package org.renda.appraisal;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs a piece of a test as a signed-in demo user, as identity.Logins does for MockMvc requests. */
final class As {

    private As() {}

    static <T> T user(UserDetailsService accounts, String username, Supplier<T> work) {
        UserDetails principal = accounts.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    static void run(UserDetailsService accounts, String username, Runnable work) {
        user(accounts, username, () -> {
            work.run();
            return null;
        });
    }
}
