package org.renda.station;

import java.time.Duration;
import java.time.LocalDate;
import org.renda.shared.NotFoundException;
import org.renda.shared.qr.QrCode;
import org.renda.shared.web.PublicUrls;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** A station's public page, its photo and its QR code: no sign-in, phone-sized first. */
@Controller
@RequestMapping("/public/stations")
class PublicStationPages {

    static final String PATH = "/public/stations/";
    static final int QR_PIXELS = 480;

    private final PublicStations stations;
    private final PublicUrls urls;

    PublicStationPages(PublicStations stations, PublicUrls urls) {
        this.stations = stations;
        this.urls = urls;
    }

    @GetMapping("/{code}")
    String station(@PathVariable String code, Model model) {
        model.addAttribute("st", stations.byCode(code, LocalDate.now()).orElseThrow(PublicStationPages::notFound));
        return "station/public";
    }

    @GetMapping("/{code}/photo")
    ResponseEntity<byte[]> photo(@PathVariable String code) {
        StationStore.Photo p = stations.photo(code).orElseThrow(PublicStationPages::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(p.data());
    }

    /** The QR code of the public page; the page links on to the opinion form. */
    @GetMapping("/{code}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable String code) {
        stations.byCode(code, LocalDate.now()).orElseThrow(PublicStationPages::notFound);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(QrCode.of(urls.absolute(PATH + code)).png(QR_PIXELS));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("error.notFound");
    }
}
