package org.renda.deputy;

import org.renda.shared.web.PublicUrls;
import org.springframework.stereotype.Component;

/** The absolute address of a deputy's public page, as the QR code on the nameplate carries it. */
@Component
class PublicLinks {

    static final String PATH = "/public/deputies/";

    private final PublicUrls urls;

    PublicLinks(PublicUrls urls) {
        this.urls = urls;
    }

    String profileUrl(String publicCode) {
        return urls.absolute(PATH + publicCode);
    }
}
