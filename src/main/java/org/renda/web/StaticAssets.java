package org.renda.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static assets (Bootstrap and htmx from their WebJars, our /css and /js) under URLs that carry a hash of their
 * content, so a browser keeps them for a year and asks again only when a release changes a file.
 * <p>
 * Thymeleaf's {@code @{/css/renda.css}} becomes {@code /css/renda-<md5>.css} through Boot's
 * ResourceUrlEncodingFilter, and {@code @{/webjars/bootstrap/css/bootstrap.min.css}} the WebJar's versioned and
 * hashed path. That filter was switched off once (it resolved every link of a page against the static
 * locations because the default handler served {@code /**}, and a miss is not cached: ~0.65 ms per link inside
 * the jar). Here the handlers own only {@code /css/**}, {@code /js/**} and {@code /webjars/**}
 * ({@code spring.web.resources.add-mappings=false}), so a link to a page never reaches the resource chain, and
 * the chain caches what it resolves.
 * <p>
 * A hashed URL answers {@code max-age=1 year, public, immutable}; the same file asked for without its hash (an
 * old bookmark, a hand-written link) answers {@code no-cache}, so it is revalidated and never goes stale. HTML
 * pages keep Spring Security's {@code no-store} (they carry personal data). Compression of HTML, CSS, JS and JSON
 * is Tomcat's ({@code server.compression.*}).
 */
@Configuration
class StaticAssets implements WebMvcConfigurer {

    static final String[] PATTERNS = {"/css/**", "/js/**", "/webjars/**"};

    /** A content-version hash in the file name, as VersionResourceResolver's content strategy writes it. */
    private static final Pattern HASHED = Pattern.compile("-[0-9a-f]{32}\\.[^/]+$");

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        register(registry, "/css/**", "classpath:/static/css/");
        register(registry, "/js/**", "classpath:/static/js/");
        register(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
    }

    private static void register(ResourceHandlerRegistry registry, String pattern, String location) {
        registry.addResourceHandler(pattern).addResourceLocations(location).setCacheControl(FOREVER)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addResolver(new LiteWebJarsResourceResolver());
    }

    static boolean hashed(String path) {
        return HASHED.matcher(path).find();
    }

    /** An asset asked for without its hash is revalidated each time instead of being kept for a year. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unhashedAssetsRevalidate() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return hashed(path) || !(path.startsWith("/css/") || path.startsWith("/js/")
                        || path.startsWith("/webjars/"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
                chain.doFilter(request, new HttpServletResponseWrapper(response) {
                    @Override
                    public void setHeader(String name, String value) {
                        if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                            super.setHeader(name, value);
                        }
                    }

                    @Override
                    public void addHeader(String name, String value) {
                        if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                            super.addHeader(name, value);
                        }
                    }
                });
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/css/*", "/js/*", "/webjars/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
