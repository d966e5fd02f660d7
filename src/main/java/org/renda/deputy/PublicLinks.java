package org.renda.deputy;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute address of a deputy's public page, as the QR code on the nameplate carries it. A card
 * printed today is scanned for years, so production sets {@code renda.public-base-url} (e.g.
 * {@code https://renda.qinghe.gov.cn}); without it the address of the current request is used.
 */
@Component
class PublicLinks {

    static final String PATH = "/public/deputies/";

    private final @Nullable String baseUrl;

    PublicLinks(@Value("${renda.public-base-url:}") String baseUrl) {
        String b = baseUrl.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.baseUrl = b.isEmpty() ? null : b;
    }

    String profileUrl(String publicCode) {
        String base = baseUrl != null ? baseUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return base + PATH + publicCode;
    }
}
