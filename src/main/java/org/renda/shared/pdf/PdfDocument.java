package org.renda.shared.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.jspecify.annotations.Nullable;
import org.renda.shared.pdf.PdfTable.Align;
import org.renda.shared.qr.QrCode;

/**
 * A PDF being written, with the CJK font embedded. Two ways to place content, which mix freely:
 * <ul>
 *   <li>flow: {@link #title}, {@link #heading}, {@link #paragraph}, {@link #table} go down the page from a
 *       cursor and start a new page when one is full;</li>
 *   <li>fixed: {@link #text}, {@link #textBlock}, {@link #box}, {@link #image}, {@link #qrCode} draw at a
 *       position, for cards. Positions are in points from the top-left corner of the page
 *       ({@link #mm} converts).</li>
 * </ul>
 * {@link #toBytes} finishes the document, stamping a footer (e.g. page numbers) on every page.
 * Not thread-safe; one instance per document; close it (try-with-resources).
 */
public final class PdfDocument implements AutoCloseable {

    private static final Color HEAD_FILL = new Color(0xec, 0xef, 0xf3);
    private static final Color LABEL_FILL = new Color(0xf4, 0xf6, 0xf8);
    private static final Color ZEBRA_FILL = new Color(0xfa, 0xfb, 0xfc);
    private static final Color RULE = new Color(0xc4, 0xcb, 0xd2);
    private static final float CELL_PAD = 4f;
    private static final float FOOTER_RESERVE = 16f;

    private final PDDocument doc;
    private final PdfFont font;
    private final PageFormat format;
    private final float top;
    private final float right;
    private final float bottomMargin;
    private final float left;
    private @Nullable PDPageContentStream content;
    private @Nullable String pendingHeading;
    private float y;

    private PdfDocument(PageFormat format, float top, float right, float bottom, float left, String title) {
        this.format = format;
        this.top = top;
        this.right = right;
        this.bottomMargin = bottom;
        this.left = left;
        this.doc = new PDDocument();
        try {
            this.font = PdfFont.embed(doc);
        } catch (IOException e) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // the document held nothing yet
            }
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Renda 人大工作平台");
        info.setProducer("Renda 人大工作平台 (Apache PDFBox)");
        info.setCreationDate(Calendar.getInstance());
        doc.getDocumentCatalog().setLanguage("zh-CN");
        newPage();
    }

    /** A new document of the given paper with the same margin on every side. */
    public static PdfDocument create(PageFormat format, float marginMm, String title) {
        return new PdfDocument(format, mm(marginMm), mm(marginMm), mm(marginMm), mm(marginMm), title);
    }

    /** A new document of the given paper with its own margin on each side (top, right, bottom, left, as in CSS). */
    public static PdfDocument create(PageFormat format, float topMm, float rightMm, float bottomMm, float leftMm,
            String title) {
        return new PdfDocument(format, mm(topMm), mm(rightMm), mm(bottomMm), mm(leftMm), title);
    }

    /** An A4 portrait document with 18 mm margins: reports, archives, ledgers. */
    public static PdfDocument a4(String title) {
        return create(PageFormat.A4, 18, title);
    }

    public static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }

    public float pageWidth() {
        return format.width();
    }

    public float pageHeight() {
        return format.height();
    }

    /** The left margin, where flowing content starts (every margin, for a document created with one). */
    public float margin() {
        return left;
    }

    public float contentWidth() {
        return format.width() - left - right;
    }

    /** Where flowing content continues, in points from the top of the page. */
    public float cursor() {
        return y;
    }

    public void moveCursor(float fromTop) {
        this.y = fromTop;
    }

    public int pageCount() {
        return doc.getNumberOfPages();
    }

    public void newPage() {
        closeContent();
        PDPage page = new PDPage(new PDRectangle(format.width(), format.height()));
        doc.addPage(page);
        try {
            content = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = top;
    }

    // --- flow ---------------------------------------------------------------------------------------

    public void title(String text) {
        lines(text, PdfStyle.TITLE, Align.CENTER);
        space(4);
    }

    public void subtitle(String text) {
        lines(text, PdfStyle.SUBTITLE, Align.CENTER);
        space(6);
    }

    /**
     * A section heading with a red mark before it. It is drawn by the next flowing element, which first
     * makes sure the heading and its own start fit on the page, so a heading never ends a page alone.
     */
    public void heading(String text) {
        flushHeading(0);
        pendingHeading = text;
    }

    public void paragraph(String text) {
        paragraph(text, PdfStyle.BODY);
    }

    public void paragraph(String text, PdfStyle style) {
        lines(text, style, Align.LEFT);
    }

    /** Vertical space; never carried over to the top of a new page, nor put between a heading and its text. */
    public void space(float points) {
        if (pendingHeading != null) {
            return; // a heading brings its own space
        }
        y = Math.min(y + points, bottom());
    }

    /** Starts a new page unless this much height is left on the current one. */
    public void ensure(float height) {
        if (y + height > bottom() && y > top + 1) {
            newPage();
        }
    }

    public void table(PdfTable table) {
        PdfStyle bodyStyle = table.bodyStyle();
        float[] w = columnWidths(table.weights());
        String @Nullable [] head = table.headerCells();
        float start = (head == null ? 0 : rowHeight(head, w, table.headStyle()))
                + (table.rows().isEmpty() ? 0 : Math.min(rowHeight(table.rows().get(0), w, bodyStyle),
                        6 * bodyStyle.lineHeight() + 2 * CELL_PAD));
        flushHeading(start);
        ensure(start);
        if (head != null) {
            drawRow(table, wrapCells(head, w, table.headStyle()), 0, Integer.MAX_VALUE, w, table.headStyle(),
                    HEAD_FILL, false);
        }
        float headHeight = head == null ? 0 : rowHeight(head, w, table.headStyle());
        for (int r = 0; r < table.rows().size(); r++) {
            PdfStyle st = table.bold(r) ? bodyStyle.asBold() : bodyStyle;
            List<List<String>> cells = wrapCells(table.rows().get(r), w, st);
            int total = cells.stream().mapToInt(List::size).max().orElse(1);
            float lh = st.lineHeight();
            float freshPage = bottom() - top - headHeight - 2 * CELL_PAD;
            @Nullable Color fill = r % 2 == 1 ? ZEBRA_FILL : null;
            int done = 0;
            while (done < total) {
                int fit = (int) Math.floor((bottom() - y - 2 * CELL_PAD) / lh);
                int remaining = total - done;
                boolean pageFresh = y <= top + headHeight + 1;
                boolean wholeRowFitsFreshPage = done == 0 && remaining * lh <= freshPage;
                if (!pageFresh && (fit < 1 || fit < remaining && wholeRowFitsFreshPage)) {
                    newPage();
                    if (head != null) {
                        drawRow(table, wrapCells(head, w, table.headStyle()), 0, Integer.MAX_VALUE, w,
                                table.headStyle(), HEAD_FILL, false);
                    }
                    continue;
                }
                int n = Math.max(1, Math.min(fit, remaining));
                drawRow(table, cells, done, n, w, st, fill, true);
                done += n;
            }
        }
        space(4);
    }

    // --- fixed positions ----------------------------------------------------------------------------

    /** One line of text whose top is at {@code top}; never wraps. */
    public void text(String text, PdfStyle style, float x, float top) {
        drawLine(font.clean(text), style, x, top);
    }

    /** One line within {@code width}, aligned; a line too long is set smaller until it fits. */
    public void text(String text, PdfStyle style, float x, float top, float width, Align align) {
        String s = font.clean(text);
        PdfStyle st = style;
        while (width(s, st) > width && st.size() > 6) {
            st = st.withSize(st.size() - 0.5f);
        }
        float shift = (style.lineHeight() - st.lineHeight()) / 2;
        float lw = width(s, st);
        float lx = switch (align) {
            case LEFT -> x;
            case CENTER -> x + (width - lw) / 2;
            case RIGHT -> x + width - lw;
        };
        drawLine(s, st, lx, top + shift);
    }

    /** Wrapped text in a column; answers the height it took. */
    public float textBlock(String text, PdfStyle style, float x, float top, float width) {
        float t = top;
        for (String line : wrap(text, style, width)) {
            drawLine(line, style, x, t);
            t += style.lineHeight();
        }
        return t - top;
    }

    /** A rectangle, filled and/or outlined. */
    public void box(float x, float top, float width, float height, @Nullable Color fill, @Nullable Color stroke,
            float lineWidth) {
        PDPageContentStream cs = content();
        try {
            if (fill != null) {
                cs.setNonStrokingColor(fill);
                cs.addRect(x, pageHeight() - top - height, width, height);
                cs.fill();
            }
            if (stroke != null) {
                cs.setStrokingColor(stroke);
                cs.setLineWidth(lineWidth);
                cs.addRect(x, pageHeight() - top - height, width, height);
                cs.stroke();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void line(float x1, float top1, float x2, float top2, Color color, float lineWidth) {
        PDPageContentStream cs = content();
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(lineWidth);
            cs.moveTo(x1, pageHeight() - top1);
            cs.lineTo(x2, pageHeight() - top2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG or PNG scaled to fit the box, keeping its proportions, centred. Answers false (and draws
     * nothing) for bytes PDFBox cannot read, e.g. WebP: callers draw a placeholder instead.
     */
    public boolean image(byte[] data, float x, float top, float width, float height) {
        PDImageXObject image;
        try {
            image = PDImageXObject.createFromByteArray(doc, data, "image");
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        float scale = Math.min(width / image.getWidth(), height / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        try {
            content().drawImage(image, x + (width - w) / 2, pageHeight() - top - (height - h) / 2 - h, w, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** A QR code drawn module by module (sharp at any print size), quiet zone included, on white. */
    public void qrCode(QrCode code, float x, float top, float side) {
        int n = code.size();
        float m = side / n;
        PDPageContentStream cs = content();
        try {
            cs.setNonStrokingColor(Color.WHITE);
            cs.addRect(x, pageHeight() - top - side, side, side);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
            for (int row = 0; row < n; row++) {
                int col = 0;
                while (col < n) {
                    if (!code.isDark(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < n && code.isDark(col, row)) {
                        col++;
                    }
                    // a hair taller than the module, so no light seams show between rows when rendered
                    cs.addRect(x + start * m, pageHeight() - top - (row + 1) * m - 0.02f, (col - start) * m, m + 0.04f);
                }
            }
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width of a line of text in this font. */
    public float width(String text, PdfStyle style) {
        return font.width(text, style);
    }

    // --- finishing ----------------------------------------------------------------------------------

    /**
     * The finished PDF. {@code footer}, given the page number and page count, answers the line stamped
     * at the bottom of each page (null: no footer).
     */
    public byte[] toBytes(@Nullable BiFunction<Integer, Integer, String> footer) {
        flushHeading(0);
        closeContent();
        try {
            if (footer != null) {
                int count = doc.getNumberOfPages();
                for (int i = 0; i < count; i++) {
                    PDPage page = doc.getPage(i);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                            PDPageContentStream.AppendMode.APPEND, true, true)) {
                        content = cs;
                        text(footer.apply(i + 1, count), PdfStyle.SMALL, left,
                                pageHeight() - bottomMargin + (bottomMargin - PdfStyle.SMALL.lineHeight()) / 3,
                                contentWidth(),
                                Align.CENTER);
                    } finally {
                        content = null;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    // --- internals ----------------------------------------------------------------------------------

    private float bottom() {
        return pageHeight() - bottomMargin - FOOTER_RESERVE;
    }

    private void lines(String text, PdfStyle style, Align align) {
        List<String> lines = wrap(text, style, contentWidth());
        flushHeading(Math.min(lines.size(), 2) * style.lineHeight());
        for (String line : lines) {
            ensure(style.lineHeight());
            text(line, style, left, y, contentWidth(), align);
            y += style.lineHeight();
        }
    }

    private float headingHeight(String text) {
        PdfStyle st = PdfStyle.HEADING;
        return (y > top + 1 ? 10 : 0) + wrap(text, st, contentWidth() - 8).size() * st.lineHeight() + 3;
    }

    /** Draws the pending heading, on a new page unless it and {@code following} points fit on this one. */
    private void flushHeading(float following) {
        String text = pendingHeading;
        if (text == null) {
            return;
        }
        pendingHeading = null;
        ensure(headingHeight(text) + following);
        PdfStyle st = PdfStyle.HEADING;
        if (y > top + 1) {
            y += 10;
        }
        box(left, y + (st.lineHeight() - st.size()) / 2, 3, st.size(), PdfStyle.RED, null, 0);
        for (String line : wrap(text, st, contentWidth() - 8)) {
            drawLine(line, st, left + 8, y);
            y += st.lineHeight();
        }
        y += 3;
    }

    private float[] columnWidths(float[] weights) {
        float sum = 0;
        for (float f : weights) {
            sum += f;
        }
        float[] w = new float[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = contentWidth() * weights[i] / sum;
        }
        return w;
    }

    private List<List<String>> wrapCells(String[] cells, float[] w, PdfStyle st) {
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            out.add(wrap(cells[c], st, w[c] - 2 * CELL_PAD));
        }
        return out;
    }

    private float rowHeight(String[] cells, float[] w, PdfStyle st) {
        int lines = wrapCells(cells, w, st).stream().mapToInt(List::size).max().orElse(1);
        return lines * st.lineHeight() + 2 * CELL_PAD;
    }

    /** Draws lines {@code from .. from+count} of a row's cells at the cursor and moves the cursor below. */
    private void drawRow(PdfTable table, List<List<String>> cells, int from, int count, float[] w, PdfStyle st,
            @Nullable Color fill, boolean body) {
        int total = cells.stream().mapToInt(List::size).max().orElse(1);
        int n = Math.min(count, total - from);
        float h = n * st.lineHeight() + 2 * CELL_PAD;
        float x = left;
        for (int c = 0; c < w.length; c++) {
            Color cellFill = body && c == 0 && table.hasLabelColumn() ? LABEL_FILL : fill;
            if (cellFill != null) {
                box(x, y, w[c], h, cellFill, null, 0);
            }
            PdfStyle cellStyle = body && c == 0 && table.hasLabelColumn() ? st.asBold() : st;
            List<String> lines = cells.get(c);
            for (int i = 0; i < n && from + i < lines.size(); i++) {
                String line = lines.get(from + i);
                float lw = width(line, cellStyle);
                Align a = table.align(c);
                float lx = switch (a) {
                    case LEFT -> x + CELL_PAD;
                    case CENTER -> x + (w[c] - lw) / 2;
                    case RIGHT -> x + w[c] - CELL_PAD - lw;
                };
                drawLine(line, cellStyle, lx, y + CELL_PAD + i * st.lineHeight());
            }
            box(x, y, w[c], h, null, RULE, 0.5f);
            x += w[c];
        }
        y += h;
    }

    /** Draws one cleaned line whose line box starts at {@code top}. */
    private void drawLine(String line, PdfStyle st, float x, float top) {
        if (line.isEmpty()) {
            return;
        }
        float baseline = top + (st.lineHeight() - (font.ascent() - font.descent()) * st.size()) / 2
                + font.ascent() * st.size();
        PDPageContentStream cs = content();
        try {
            if (st.bold()) {
                cs.setLineWidth(st.size() * 0.035f);
                cs.setStrokingColor(st.color());
            }
            cs.beginText();
            cs.setFont(font.pdfFont(), st.size());
            cs.setNonStrokingColor(st.color());
            cs.setRenderingMode(st.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            cs.newLineAtOffset(x, pageHeight() - baseline);
            cs.showText(line);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** See {@link PdfFont#wrap}. */
    List<String> wrap(String text, PdfStyle st, float width) {
        return font.wrap(text, st, width, 0);
    }

    /**
     * The lines {@code text} breaks into within {@code width} (Chinese between any two characters, Latin at
     * spaces, never before closing punctuation; explicit line breaks kept), the first line of each paragraph
     * {@code firstLineIndent} points narrower. For callers that lay text out themselves with {@link #text}.
     */
    public List<String> wrap(String text, PdfStyle style, float width, float firstLineIndent) {
        return font.wrap(text, style, width, firstLineIndent);
    }

    private PDPageContentStream content() {
        PDPageContentStream cs = content;
        if (cs == null) {
            throw new IllegalStateException("document already finished");
        }
        return cs;
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                content = null;
            }
        }
    }

    private void closeQuietly() {
        try {
            if (content != null) {
                content.close();
            }
            doc.close();
            font.close();
        } catch (IOException ignored) {
            // nothing to save any more
        }
        content = null;
    }


}
