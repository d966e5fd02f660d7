package org.renda.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * A form or upload larger than the server takes is answered before anything reads it: 413 with a Chinese page
 * (the error page, through the container's error dispatch) or, under {@code /api/}, a problem detail. Without
 * this, Tomcat drops the parameters of an oversized body silently (the CSRF token with them: a misleading 403),
 * or Spring's multipart limit fails before any controller advice can answer in the user's language.
 *
 * <p>Judged by the declared Content-Length; a chunked upload over the limit fails in the multipart parser,
 * which runs lazily ({@code spring.servlet.multipart.resolve-lazily}) inside the handler, so the page advice
 * answers it in Chinese too. {@code server.tomcat.max-swallow-size} is raised so the browser
 * receives the answer instead of a reset connection while it is still sending.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodyLimits extends OncePerRequestFilter {

    private final long maxMultipart;
    private final long maxForm;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    BodyLimits(@Value("${spring.servlet.multipart.max-request-size:12MB}") DataSize maxMultipart,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm, MessageSource messages,
            LocaleResolver locales, ObjectMapper json) {
        this.maxMultipart = maxMultipart.toBytes();
        this.maxForm = maxForm.toBytes();
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request.getContentType());
        long length = request.getContentLengthLong();
        if (limit > 0 && length > limit) {
            tooLarge(request, response, limit);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The limit of a body of this type, or 0 when none is checked here. */
    private long limitOf(String contentType) {
        if (contentType == null) {
            return 0;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            return maxMultipart;
        }
        if (type.startsWith("application/x-www-form-urlencoded") && maxForm > 0) {
            return maxForm;
        }
        return 0;
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String detail = messages.getMessage("error.tooLarge.detail", new Object[] {Math.max(1, limit >> 20)},
                locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", "urn:renda:problem:error.tooLarge");
            p.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
            p.put("status", 413);
            p.put("detail", detail);
            p.put("instance", request.getRequestURI());
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(json.writeValueAsBytes(p));
        } else {
            // The error page renders on an error dispatch of this same request; its parameters read as empty
            // there (ControlCharacters), so nothing tries to parse the refused body again.
            response.sendError(413);
        }
    }
}
