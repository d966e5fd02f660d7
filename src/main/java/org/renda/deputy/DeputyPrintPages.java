package org.renda.deputy;

import org.renda.shared.validation.YearNumber;
import org.jspecify.annotations.Nullable;
import org.renda.shared.web.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Printouts of a deputy for staff (and the deputy): the nameplate card and the duty archive as PDF.
 * A deputy outside the actor's reach answers 404; a withdrawn nameplate answers a page saying so.
 */
@Controller
@RequestMapping("/deputies/{id}")
class DeputyPrintPages {

    private final NameplateCard nameplates;
    private final ArchiveReport archives;

    DeputyPrintPages(NameplateCard nameplates, ArchiveReport archives) {
        this.nameplates = nameplates;
        this.archives = archives;
    }

    @GetMapping("/nameplate.pdf")
    ResponseEntity<byte[]> nameplate(@PathVariable long id) {
        Printout card = nameplates.render(id);
        return Downloads.pdf(card.pdf(), card.filename());
    }

    /** {@code year} = one calendar year; without it, the deputy's current term. */
    @GetMapping("/archive.pdf")
    ResponseEntity<byte[]> archive(@PathVariable long id, @RequestParam(required = false) @Nullable @YearNumber Integer year) {
        Printout archive = archives.render(id, year);
        return Downloads.pdf(archive.pdf(), archive.filename());
    }
}
