package org.renda.identity;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs a MockMvc request in as a demo user, exactly as form sign-in would leave the session. */
public final class Logins {

    private Logins() {}

    public static RequestPostProcessor as(UserDetailsService accounts, String username) {
        UserDetails principal = accounts.loadUserByUsername(username);
        ((RendaPrincipal) principal).eraseCredentials();
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
