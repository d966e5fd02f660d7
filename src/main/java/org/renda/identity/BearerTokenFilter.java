package org.renda.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in API requests that carry a valid personal token; anything else stays anonymous. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UserStore users;

    BearerTokenFilter(ApiTokens tokens, UserStore users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.authenticate(header.substring(7).strip())
                    .flatMap(users::byId)
                    .ifPresent(a -> {
                        var principal = new RendaPrincipal(a.id(), a.username(), a.displayName(), null, a.enabled());
                        var auth = new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities());
                        var context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(auth);
                        SecurityContextHolder.setContext(context);
                    });
        }
        chain.doFilter(request, response);
    }
}
