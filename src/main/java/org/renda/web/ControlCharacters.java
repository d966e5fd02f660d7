package org.renda.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.renda.shared.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Control characters are taken out of what people send, once, at the edge, for every module: request
 * parameters (query strings, url-encoded and multipart form fields) through {@link ParameterFilter} and every
 * JSON string through {@link #controlFreeStrings()}.
 *
 * <p>The choice is to <em>strip</em> C0 controls other than tab, line feed and carriage return (and DEL), not
 * to refuse the request: they are invisible, never meant (a pasted NUL, a stray escape), PostgreSQL refuses NUL
 * outright (a 500 before) and H2 would store it. Refusing would make a person retype a form for a character
 * they cannot see. Uploaded file contents are bytes and are left alone.
 */
@Configuration(proxyBeanMethods = false)
class ControlCharacters {

    /** Every JSON string (fields, list elements) without control characters. */
    @Bean
    JacksonModule controlFreeStrings() {
        return new SimpleModule("renda-control-free-strings").addDeserializer(String.class, new CleanStrings());
    }

    static final class CleanStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = super.deserialize(p, ctxt);
            return s == null ? null : Texts.stripControls(s);
        }
    }

    /** Right after the character encoding is set, before security reads the CSRF parameter. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    static final class ParameterFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new CleanParameters(request, request.getDispatcherType() == DispatcherType.ERROR),
                    response);
        }

        /**
         * Error pages too: the error page of a request whose body was refused (too large, malformed) would
         * otherwise fail again on the first parameter read (the locale interceptor reads "lang"), and Tomcat
         * would answer its own English page.
         */
        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
                FilterChain chain) throws ServletException, IOException {
            doFilterInternal(request, response, chain);
        }
    }

    /** The request's parameters, cleaned once on first use. */
    static final class CleanParameters extends HttpServletRequestWrapper {

        private @Nullable Map<String, String[]> clean;
        private final boolean errorPage;

        CleanParameters(HttpServletRequest request, boolean errorPage) {
            super(request);
            this.errorPage = errorPage;
        }

        private Map<String, String[]> clean() {
            Map<String, String[]> original;
            try {
                original = super.getParameterMap();
            } catch (RuntimeException e) {
                if (!errorPage) {
                    throw e;
                }
                original = Map.of(); // the error page needs no parameters of a body that was refused
            }
            // Re-read while the underlying map grows (a multipart body parsed after the first look).
            if (clean == null || clean.size() != original.size()) {
                Map<String, String[]> out = new LinkedHashMap<>();
                original.forEach((name, values) -> out.put(Texts.stripControls(name),
                        Arrays.stream(values).map(v -> v == null ? null : Texts.stripControls(v)).toArray(String[]::new)));
                clean = Collections.unmodifiableMap(out);
            }
            return clean;
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = clean().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return clean();
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return Collections.enumeration(clean().keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = clean().get(name);
            return values == null ? null : values.clone();
        }
    }
}
