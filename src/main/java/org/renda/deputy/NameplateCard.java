package org.renda.deputy;

import static org.renda.shared.pdf.PdfDocument.mm;

import java.awt.Color;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.deputy.PublicProfiles.PublicProfile;
import org.renda.deputy.PublicProfiles.PublicSeat;
import org.renda.shared.DomainException;
import org.renda.shared.pdf.PageFormat;
import org.renda.shared.pdf.PdfDocument;
import org.renda.shared.pdf.PdfStyle;
import org.renda.shared.pdf.PdfTable.Align;
import org.renda.shared.qr.QrCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nameplate card (挂名牌、亮身份), A5 landscape: "人大代表", the deputy's photo, name, seats,
 * constituency, group and station, and the QR code of their public page. Only public facts are on it.
 * A withdrawn nameplate (摘牌) or a deputy no longer in office gets no card.
 */
@Service
@Transactional(readOnly = true)
class NameplateCard {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Color PALE = new Color(0xf3, 0xf4, 0xf6);
    private static final Color BAND_TEXT = new Color(0xff, 0xe9, 0xe4);

    private final DeputyRegister register;
    private final PublicProfiles profiles;
    private final PublicLinks links;
    private final MessageSource messages;

    NameplateCard(DeputyRegister register, PublicProfiles profiles, PublicLinks links, MessageSource messages) {
        this.register = register;
        this.profiles = profiles;
        this.links = links;
        this.messages = messages;
    }

    Printout render(long deputyId) {
        register.profile(deputyId); // the actor must be able to read this deputy: 404 otherwise
        PublicProfile p = profiles.of(deputyId);
        if (!p.nameplateActive()) {
            throw new DomainException("deputy.nameplate.error.withdrawn",
                    p.nameplateWithdrawnOn() == null ? "" : p.nameplateWithdrawnOn().toString());
        }
        if (!p.inOffice()) {
            throw new DomainException("deputy.nameplate.error.notInOffice");
        }
        byte @Nullable [] photo = p.hasPhoto()
                ? register.photo(deputyId).map(DeputyStore.Photo::data).orElse(null) : null;
        try (PdfDocument pdf = PdfDocument.create(PageFormat.A5_LANDSCAPE, 10, t("deputy.nameplate.title", p.name()))) {
            draw(pdf, p, photo);
            return new Printout(pdf.toBytes(null), t("deputy.nameplate.file", p.name()));
        }
    }

    private void draw(PdfDocument pdf, PublicProfile p, byte @Nullable [] photo) {
        float w = pdf.pageWidth();
        float h = pdf.pageHeight();
        float edge = mm(5);
        List<PublicSeat> seats = p.seatsInOffice();
        PublicSeat first = seats.get(0);

        // frame and the red band with the heading and the congress
        pdf.box(edge, edge, w - 2 * edge, h - 2 * edge, null, PdfStyle.RED, 1.5f);
        float band = mm(31);
        pdf.box(edge, edge, w - 2 * edge, band, PdfStyle.RED, null, 0);
        pdf.text(t("deputy.nameplate.heading"), PdfStyle.TITLE.withSize(32).withColor(Color.WHITE), edge,
                edge + mm(4), w - 2 * edge, Align.CENTER);
        pdf.text(t("deputy.nameplate.congress", first.congressName(), first.termNumeral()),
                PdfStyle.SUBTITLE.withSize(12.5f).withColor(BAND_TEXT), edge, edge + mm(20), w - 2 * edge,
                Align.CENTER);

        // the body sits in the middle between the band and the motto at the bottom
        float foot = h - edge - mm(11);
        float photoW = mm(40);
        float photoH = mm(53);
        float qrSide = mm(50);
        float caption = PdfStyle.BODY.withSize(11.5f).lineHeight();
        float top = edge + band + (foot - edge - band - Math.max(photoH, qrSide + caption)) / 2;

        // photo, or the first character of the name on a pale ground
        float photoX = edge + mm(9);
        if (photo == null || !pdf.image(photo, photoX, top, photoW, photoH)) {
            pdf.box(photoX, top, photoW, photoH, PALE, null, 0);
            PdfStyle big = PdfStyle.TITLE.withSize(48).withColor(PdfStyle.MUTED);
            pdf.text(p.initial(), big, photoX, top + (photoH - big.lineHeight()) / 2, photoW, Align.CENTER);
        }
        pdf.box(photoX, top, photoW, photoH, null, new Color(0xd5, 0xd9, 0xde), 0.6f);

        // QR code (its quiet zone is white, so the visible code starts a little inside) and caption
        float qrX = w - edge - mm(7) - qrSide;
        pdf.qrCode(QrCode.of(links.profileUrl(p.code())), qrX, top, qrSide);
        pdf.text(t("deputy.nameplate.scan"), PdfStyle.BODY.withSize(11.5f).asBold(), qrX - mm(4), top + qrSide,
                qrSide + mm(8), Align.CENTER);

        // name and seats between them
        float x = photoX + photoW + mm(8);
        float width = qrX - mm(4) - x;
        pdf.text(p.name(), PdfStyle.TITLE.withSize(34), x, top - mm(2), width, Align.LEFT);
        float y = top + mm(17);
        PdfStyle seatStyle = PdfStyle.BODY.withSize(12.5f).asBold();
        PdfStyle detail = PdfStyle.BODY.withSize(10.5f).withColor(PdfStyle.MUTED);
        for (PublicSeat s : seats) {
            pdf.text(t("deputy.public.seat", s.congressName(), s.termNumeral(), String.valueOf(s.termNo())),
                    seatStyle, x, y, width, Align.LEFT);
            y += seatStyle.lineHeight();
            String where = join(" · ", s.constituency(), s.deputyGroup());
            if (!where.isEmpty()) {
                pdf.text(where, detail, x, y, width, Align.LEFT);
                y += detail.lineHeight();
            }
            y += mm(1.5f);
        }
        Set<String> stations = new LinkedHashSet<>();
        seats.stream().map(PublicSeat::station).filter(s -> s != null && !s.isBlank()).forEach(stations::add);
        if (!stations.isEmpty()) {
            y += pdf.textBlock(t("deputy.nameplate.station", String.join("、", stations)),
                    PdfStyle.BODY.withSize(11), x, y, width);
        }

        // the motto along the bottom
        pdf.line(edge + mm(9), foot, w - edge - mm(9), foot, PdfStyle.RED, 0.8f);
        pdf.text(t("deputy.nameplate.motto"), PdfStyle.BODY.withSize(12.5f).withColor(PdfStyle.RED).asBold(), edge,
                foot + mm(2), w - 2 * edge, Align.CENTER);
    }

    private static String join(String sep, @Nullable String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                out.append(out.isEmpty() ? "" : sep).append(part.strip());
            }
        }
        return out.toString();
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, CHINESE);
    }
}
