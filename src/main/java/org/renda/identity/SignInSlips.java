package org.renda.identity;

import static org.renda.shared.pdf.PdfDocument.mm;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.renda.identity.BulkAccounts.IssuedAccount;
import org.renda.shared.pdf.PageFormat;
import org.renda.shared.pdf.PdfDocument;
import org.renda.shared.pdf.PdfStyle;
import org.renda.shared.pdf.PdfTable.Align;
import org.renda.shared.qr.QrCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sign-in slips (首次登录通知单): one per new account, four to an A4 page between dashed cut lines, each with the
 * person's name and unit, the login name, the one-time password, the sign-in address (also as a QR code) and the
 * rule that the password must be changed at first sign-in. Made once, right after the accounts are created: the
 * passwords exist nowhere else.
 */
@Component
public class SignInSlips {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final int PER_PAGE = 4;
    private static final Color CUT = new Color(0x9a, 0xa1, 0xa9);

    private final MessageSource messages;

    SignInSlips(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] pdf(List<IssuedAccount> accounts, String signInUrl) {
        try (PdfDocument pdf = PdfDocument.create(PageFormat.A4, 10, t("accounts.slip.title"))) {
            float slipHeight = (pdf.pageHeight() - 2 * pdf.margin()) / PER_PAGE;
            for (int i = 0; i < accounts.size(); i++) {
                int slot = i % PER_PAGE;
                if (slot == 0 && i > 0) {
                    pdf.newPage();
                }
                float top = pdf.margin() + slot * slipHeight;
                slip(pdf, accounts.get(i), signInUrl, top, slipHeight);
                cutLine(pdf, top + slipHeight);
                if (slot == 0) {
                    cutLine(pdf, top);
                }
            }
            if (accounts.isEmpty()) {
                pdf.paragraph(t("accounts.slip.none"));
            }
            return pdf.toBytes(null);
        }
    }

    private void slip(PdfDocument pdf, IssuedAccount a, String url, float top, float height) {
        float x = pdf.margin() + mm(6);
        float width = pdf.contentWidth() - mm(12);
        float qrSide = mm(30);
        float textWidth = width - qrSide - mm(6);
        float y = top + mm(6);
        pdf.text(t("accounts.slip.heading"), PdfStyle.HEADING.withSize(13), x, y, textWidth, Align.LEFT);
        y += PdfStyle.HEADING.withSize(13).lineHeight() + mm(1.5f);
        pdf.text(t("accounts.slip.person", a.displayName(), a.orgName()), PdfStyle.BODY.withSize(12).asBold(), x, y,
                textWidth, Align.LEFT);
        y += PdfStyle.BODY.withSize(12).lineHeight() + mm(1);
        PdfStyle label = PdfStyle.BODY.withColor(PdfStyle.MUTED);
        PdfStyle value = PdfStyle.TITLE.withSize(15);
        float valueX = x + mm(26);
        pdf.text(t("accounts.slip.username"), label, x, y + mm(1));
        pdf.text(a.username(), value, valueX, y, textWidth - mm(26), Align.LEFT);
        y += value.lineHeight();
        pdf.text(t("accounts.slip.password"), label, x, y + mm(1));
        pdf.text(a.password(), value, valueX, y, textWidth - mm(26), Align.LEFT);
        y += value.lineHeight();
        pdf.text(t("accounts.slip.url"), label, x, y);
        pdf.text(url, PdfStyle.BODY, valueX, y, textWidth - mm(26), Align.LEFT);
        y += PdfStyle.BODY.lineHeight() + mm(1.5f);
        pdf.textBlock(t("accounts.slip.rule"), PdfStyle.SMALL, x, y, textWidth);
        float qrTop = top + (height - qrSide) / 2 - mm(2);
        pdf.qrCode(QrCode.of(url), x + width - qrSide, qrTop, qrSide);
        pdf.text(t("accounts.slip.scan"), PdfStyle.SMALL, x + width - qrSide - mm(4), qrTop + qrSide,
                qrSide + mm(8), Align.CENTER);
    }

    /** A dashed line across the page, with the scissors' word at its start. */
    private void cutLine(PdfDocument pdf, float top) {
        float x = pdf.margin();
        float end = pdf.pageWidth() - pdf.margin();
        pdf.text(t("accounts.slip.cut"), PdfStyle.SMALL.withSize(6.5f), x, top - mm(1.6f));
        float start = x + mm(7);
        for (float d = start; d < end; d += mm(3)) {
            pdf.line(d, top, Math.min(d + mm(1.6f), end), top, CUT, 0.5f);
        }
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, CHINESE);
    }
}
