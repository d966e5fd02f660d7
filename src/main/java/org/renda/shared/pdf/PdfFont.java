package org.renda.shared.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * The CJK font embedded in one {@link PdfDocument} (subset on save), and what depends on it alone: the width of
 * text, which characters it can draw, and where lines break.
 */
final class PdfFont implements AutoCloseable {

    /** WenQuanYi Micro Hei: Droid Sans Fallback's CJK glyphs with Droid Sans' Latin ones (see fonts/NOTICE.txt). */
    private static final String FONT = "fonts/wqy-microhei.ttc";
    private static final String FONT_FACE = "WenQuanYiMicroHei";
    private static final String CLOSING_PUNCTUATION = "，。、；：！？）》」』】”’%,.;:!?)]}";

    private static volatile byte @Nullable [] fontBytes;

    private final TrueTypeCollection fontFile;
    private final PDType0Font font;
    private final float ascent;
    private final float descent;
    private final Map<Integer, Float> widths = new HashMap<>();

    private PdfFont(TrueTypeCollection fontFile, PDType0Font font) {
        this.fontFile = fontFile;
        this.font = font;
        this.ascent = font.getFontDescriptor().getAscent() / 1000f;
        this.descent = font.getFontDescriptor().getDescent() / 1000f;
    }

    static PdfFont embed(PDDocument doc) throws IOException {
        TrueTypeCollection file = new TrueTypeCollection(new ByteArrayInputStream(font()));
        try {
            TrueTypeFont face = file.getFontByName(FONT_FACE);
            if (face == null) {
                throw new IOException("font face missing: " + FONT_FACE);
            }
            return new PdfFont(file, PDType0Font.load(doc, face, true));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    PDType0Font pdfFont() {
        return font;
    }

    /** Above the baseline, in ems. */
    float ascent() {
        return ascent;
    }

    /** Below the baseline (negative), in ems. */
    float descent() {
        return descent;
    }

    /** Width of a line of text. */
    float width(String text, PdfStyle style) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += glyphWidth(cp);
            i += Character.charCount(cp);
        }
        return units / 1000f * style.size();
    }

    /**
     * Breaks text into lines no wider than {@code width}: at any character between Chinese characters,
     * at spaces between Latin words (a word longer than the line is cut), never before closing
     * punctuation; explicit line breaks are kept. The first line of each paragraph is {@code firstLineIndent}
     * narrower.
     */
    List<String> wrap(String text, PdfStyle st, float width, float firstLineIndent) {
        List<String> out = new ArrayList<>();
        for (String para : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String s = clean(para);
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            float room = width - firstLineIndent;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                float cw = glyphWidth(cp) / 1000f * st.size();
                if (lineWidth + cw > room && line.length() > 0) {
                    String carry = "";
                    if (CLOSING_PUNCTUATION.indexOf(cp) >= 0 && line.length() > 1) {
                        int cut = line.offsetByCodePoints(line.length(), -1);
                        carry = line.substring(cut);
                        line.setLength(cut);
                    } else if (isWordChar(cp) && isWordChar(line.codePointBefore(line.length()))) {
                        int space = line.lastIndexOf(" ");
                        if (space > 0) {
                            carry = line.substring(space + 1);
                            line.setLength(space);
                        }
                    }
                    out.add(line.toString().stripTrailing());
                    room = width;
                    line.setLength(0);
                    line.append(carry);
                    lineWidth = width(carry, st);
                    if (cp == ' ' && line.length() == 0) {
                        continue;
                    }
                }
                line.appendCodePoint(cp);
                lineWidth += cw;
            }
            out.add(line.toString());
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && Character.isLetterOrDigit(cp);
    }

    /** Replaces what the font cannot draw: control characters by spaces, missing glyphs by "?". */
    String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (covers(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }

    private boolean covers(int cp) {
        glyphWidth(cp);
        return widths.get(cp) >= 0;
    }

    /** Advance width in font units (1/1000 em), or -1 when the font has no glyph for it. */
    private float glyphWidth(int cp) {
        Float known = widths.get(cp);
        if (known != null) {
            return Math.max(known, 0);
        }
        float w;
        try {
            String s = new String(Character.toChars(cp));
            font.encode(s);
            w = font.getStringWidth(s);
        } catch (IOException | IllegalArgumentException e) {
            w = -1;
        }
        widths.put(cp, w);
        return Math.max(w, 0);
    }

    @Override
    public void close() throws IOException {
        fontFile.close();
    }

    /** The font file, read once from the application's resources. */
    private static byte[] font() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = PdfFont.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("CJK font missing from the classpath: " + FONT);
                }
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }
}
