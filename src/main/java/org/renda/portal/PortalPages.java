package org.renda.portal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.renda.org.OrgView;
import org.renda.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A congress's public site, no sign-in, read-only, phone first: its home with the figures and the way to every
 * public service, and a page each for its deputies, stations and reception days, supervision topics, sessions and
 * resolutions, published results; the open data as JSON and CSV. A code without a site, and an assessment not put on
 * the portal, answer 404.
 */
@Controller
@RequestMapping("/public/c/{code}")
class PortalPages {

    static final String HOME = "portal/home";
    static final String DEPUTIES = "portal/deputies";
    static final String STATIONS = "portal/stations";
    static final String SUPERVISION = "portal/supervision";
    static final String MEETINGS = "portal/meetings";
    static final String RESULTS = "portal/results";
    static final String ASSESSMENT = "portal/assessment";

    private final CongressPortal portal;
    private final OpenData openData;

    PortalPages(CongressPortal portal, OpenData openData) {
        this.portal = portal;
        this.openData = openData;
    }

    @GetMapping
    String home(@PathVariable String code, Model model) {
        return page(code, model, HOME);
    }

    @GetMapping("/deputies")
    String deputies(@PathVariable String code, Model model) {
        return page(code, model, DEPUTIES);
    }

    @GetMapping("/stations")
    String stations(@PathVariable String code, Model model) {
        return page(code, model, STATIONS);
    }

    @GetMapping("/supervision")
    String supervision(@PathVariable String code, Model model) {
        return page(code, model, SUPERVISION);
    }

    @GetMapping("/meetings")
    String meetings(@PathVariable String code, Model model) {
        return page(code, model, MEETINGS);
    }

    @GetMapping("/results")
    String results(@PathVariable String code, Model model) {
        return page(code, model, RESULTS);
    }

    @GetMapping("/assessments/{periodId}")
    String assessment(@PathVariable String code, @PathVariable long periodId, Model model) {
        OrgView org = congress(code);
        model.addAttribute("site", portal.site(org, LocalDate.now()));
        model.addAttribute("a", portal.assessment(org, periodId).orElseThrow(PortalPages::notFound));
        return ASSESSMENT;
    }

    @GetMapping(value = "/open-data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OpenData.Document> json(@PathVariable String code) {
        OrgView org = congress(code);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(openData.of(portal.site(org, LocalDate.now()), org));
    }

    @GetMapping("/open-data.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code) {
        OrgView org = congress(code);
        byte[] body = openData.csv(openData.of(portal.site(org, LocalDate.now()), org));
        String name = org.name() + "-公开数据-" + LocalDate.now() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private String page(String code, Model model, String view) {
        OrgView org = congress(code);
        model.addAttribute("site", portal.site(org, LocalDate.now()));
        return view;
    }

    private OrgView congress(String code) {
        return portal.congress(code).orElseThrow(PortalPages::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("error.notFound");
    }
}
