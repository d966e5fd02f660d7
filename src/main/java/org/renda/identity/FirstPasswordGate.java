package org.renda.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a user with a generated first password ({@link BulkAccounts}) has chosen their own, every page sends them to
 * {@link #PAGE}. Asked of the database once per session, then remembered in it until the password is changed.
 * Not a bean (so Spring Boot does not register it as a servlet filter too): {@link SecurityConfig} adds it to the
 * pages' chain.
 */
final class FirstPasswordGate extends OncePerRequestFilter {

    static final String PAGE = "/account/first-password";
    static final String ATTRIBUTE = FirstPasswordGate.class.getName() + ".mustChange";

    private static final String[] OPEN = {PAGE, "/logout", "/login", "/error", "/css/", "/js/", "/webjars/", "/img/",
        "/favicon.ico"};

    private final UserStore users;

    FirstPasswordGate(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof RendaPrincipal p && mustChange(request, p)
                && !open(request.getRequestURI().substring(request.getContextPath().length()))) {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + PAGE);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean mustChange(HttpServletRequest request, RendaPrincipal p) {
        HttpSession session = request.getSession(false);
        Object known = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (known instanceof Boolean b) {
            return b;
        }
        boolean must = users.mustChangePassword(p.userId());
        if (session != null) {
            session.setAttribute(ATTRIBUTE, must);
        }
        return must;
    }

    private static boolean open(String path) {
        for (String o : OPEN) {
            if (o.endsWith("/") ? path.startsWith(o) : path.equals(o)) {
                return true;
            }
        }
        return false;
    }
}
