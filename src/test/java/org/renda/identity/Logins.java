package org.renda.identity;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs a MockMvc request in as a demo user, exactly as form sign-in would leave the session. */
public final class Logins {

    private Logins() {}

    /** Runs facade calls as a demo user, outside any request (the actor is resolved from the security context). */
    public static <T> T call(UserDetailsService accounts, String username, java.util.function.Supplier<T> work) {
        UserDetails principal = accounts.loadUserByUsername(username);
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(UserDetailsService accounts, String username, Runnable work) {
        call(accounts, username, () -> {
            work.run();
            return null;
        });
    }

    public static RequestPostProcessor as(UserDetailsService accounts, String username) {
        UserDetails principal = accounts.loadUserByUsername(username);
        ((RendaPrincipal) principal).eraseCredentials();
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
