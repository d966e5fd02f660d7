package org.renda.shared.pdf;

import java.awt.Color;

/**
 * How a run of text looks: size in points, bold (the CJK font has a single weight, so bold is drawn
 * by stroking the outline as well), colour, and line height as a multiple of the size.
 */
public record PdfStyle(float size, boolean bold, Color color, float leading) {

    public static final Color INK = new Color(0x1f, 0x29, 0x33);
    public static final Color MUTED = new Color(0x5c, 0x66, 0x70);
    public static final Color RED = new Color(0xb3, 0x26, 0x1e);

    public static final PdfStyle TITLE = new PdfStyle(18, true, INK, 1.4f);
    public static final PdfStyle SUBTITLE = new PdfStyle(11, false, MUTED, 1.4f);
    public static final PdfStyle HEADING = new PdfStyle(12.5f, true, RED, 1.4f);
    public static final PdfStyle BODY = new PdfStyle(10.5f, false, INK, 1.5f);
    public static final PdfStyle TABLE = new PdfStyle(9.5f, false, INK, 1.4f);
    public static final PdfStyle TABLE_HEAD = new PdfStyle(9.5f, true, INK, 1.4f);
    public static final PdfStyle SMALL = new PdfStyle(8.5f, false, MUTED, 1.4f);

    public PdfStyle withSize(float points) {
        return new PdfStyle(points, bold, color, leading);
    }

    public PdfStyle withColor(Color c) {
        return new PdfStyle(size, bold, c, leading);
    }

    public PdfStyle asBold() {
        return new PdfStyle(size, true, color, leading);
    }

    /** Distance between two baselines. */
    public float lineHeight() {
        return size * leading;
    }
}
