package org.renda.deputy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.renda.shared.NotFoundException;
import org.renda.shared.qr.QrCode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A deputy's public page (亮身份), the one the QR code on the nameplate opens: no sign-in, phone-sized
 * first. Also the photo and the QR code itself, cacheable by browsers and proxies.
 */
@Controller
@RequestMapping("/public/deputies")
class PublicDeputyPages {

    static final String PROFILE = "deputy/public-profile";
    static final int QR_PIXELS = 480;

    private final PublicProfiles profiles;
    private final PublicLinks links;

    PublicDeputyPages(PublicProfiles profiles, PublicLinks links) {
        this.profiles = profiles;
        this.links = links;
    }

    @GetMapping("/{code}")
    String profile(@PathVariable String code, Model model) {
        model.addAttribute("deputy", profiles.byCode(code).orElseThrow(PublicDeputyPages::notFound));
        return PROFILE;
    }

    @GetMapping("/{code}/photo")
    ResponseEntity<byte[]> photo(@PathVariable String code) {
        DeputyStore.Photo photo = profiles.photo(code).orElseThrow(PublicDeputyPages::notFound);
        // a changed photo gets a new tag, so an hour of caching never shows the old one for long
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .eTag(etag(photo.data()))
                .body(photo.data());
    }

    @GetMapping("/{code}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable String code) {
        if (!profiles.exists(code)) {
            throw notFound();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(QrCode.of(links.profileUrl(code)).png(QR_PIXELS));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("error.notFound");
    }

    private static String etag(byte[] data) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
