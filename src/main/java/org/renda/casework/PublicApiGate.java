package org.renda.casework;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.renda.casework.PublicRateLimiter.Decision;
import org.renda.casework.PublicRateLimiter.Kind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * The door of the anonymous partner API ({@code /api/v1/public/**}), before anything is parsed or a
 * database connection is taken: a per-client rate limit (429 with Retry-After), JSON only on writes
 * (415), and a bounded body (413): a declared Content-Length above the limit is refused unread, a
 * chunked body is read up to the limit and refused as soon as it passes it. What passes is handed on
 * from memory. Every refusal is a problem document (RFC 9457) in the user's language.
 *
 * <p>It runs after the forwarded-headers handling (so the remote address is the client's when
 * {@code server.forward-headers-strategy} is set) and before Spring Security.
 */
class PublicApiGate extends OncePerRequestFilter {

    static final String PATTERN = "/api/v1/public/*";
    /** After ForwardedHeaderFilter and RequestContextFilter (-105), before Spring Security (-100). */
    static final int ORDER = -101;
    private static final Pattern BALLOT_CAST = Pattern.compile("/api/v1/public/votes/[^/]+/ballots/?");
    private static final Pattern BALLOT_READ = Pattern.compile("/api/v1/public/votes/[^/]+/?");

    private final PublicRateLimiter limiter;
    private final int maxBody;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    PublicApiGate(PublicRateLimiter limiter, int maxBody, MessageSource messages, LocaleResolver locales,
            ObjectMapper json) {
        this.limiter = limiter;
        this.maxBody = maxBody;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<PublicApiGate> publicApiGate(PublicRateLimiter limiter,
                @Value("${renda.public.max-json-body:64KB}") DataSize maxBody, MessageSource messages,
                LocaleResolver locales, ObjectMapper json) {
            var r = new FilterRegistrationBean<>(
                    new PublicApiGate(limiter, (int) maxBody.toBytes(), messages, locales, json));
            r.addUrlPatterns(PATTERN);
            r.setOrder(ORDER);
            r.setName("publicApiGate");
            return r;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && !"OPTIONS".equals(request.getMethod());
        Kind kind = ballot(request, write) ? Kind.BALLOT : write ? Kind.SUBMIT : Kind.LOOKUP;
        Decision d = limiter.acquire(kind, request);
        if (!d.allowed()) {
            response.setHeader("Retry-After", String.valueOf(d.retryAfterSeconds()));
            problem(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    write ? "case.public.error.rateLimited" : "case.public.error.lookupLimited", d.retryAfterSeconds());
            return;
        }
        if (!write) {
            chain.doFilter(request, response);
            return;
        }
        if (!json(request.getContentType())) {
            problem(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "case.public.error.mediaType");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBody) {
            tooLarge(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBody);
        if (body == null) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    /**
     * A vote's ballot, read ({@code GET /api/v1/public/votes/{code}}) or cast ({@code POST .../ballots}): a hall
     * votes from one address, so ballots have their own, larger limit.
     */
    static boolean ballot(HttpServletRequest request, boolean write) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return (write ? BALLOT_CAST : BALLOT_READ).matcher(path).matches();
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The client may still be sending: tell it not to reuse the connection for the rest.
        response.setHeader("Connection", "close");
        problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "case.public.error.tooLarge", maxBody / 1024);
    }

    static boolean json(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType t = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.includes(t) || "application".equals(t.getType())
                    && t.getSubtype().endsWith("+json");
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }

    /** The whole stream if it has at most {@code max} bytes, else null (having read max + 1). */
    static byte @Nullable [] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buf = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buf, 0, Math.min(buf.length, max + 1 - total))) > 0) {
            out.write(buf, 0, n);
            total += n;
            if (total > max) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
            Object... args) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "urn:renda:problem:" + key);
        p.put("title", status.getReasonPhrase());
        p.put("status", status.value());
        p.put("detail", messages.getMessage(key, args, key, locale));
        p.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(p));
    }

    /** The request with its body already read into memory. */
    static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The body is in memory: all of it is available at once, so the listener hears so at once. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        if (!isFinished()) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (java.io.IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            return new BufferedReader(new InputStreamReader(getInputStream(), cs));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
