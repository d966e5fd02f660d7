package org.renda.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute addresses of public pages, as printed QR codes carry them. A card or poster printed today is scanned
 * for years, so production sets {@code renda.public-base-url} (e.g. {@code https://renda.qinghe.gov.cn}); without
 * it the address of the current request is used.
 */
@Component
public class PublicUrls {

    private final @Nullable String baseUrl;

    PublicUrls(@Value("${renda.public-base-url:}") String baseUrl) {
        String b = baseUrl.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.baseUrl = b.isEmpty() ? null : b;
    }

    /** The absolute address of a path that starts with a slash. */
    public String absolute(String path) {
        String base = baseUrl != null ? baseUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return base + path;
    }
}
