package org.renda.shared.document;

import java.awt.Color;
import java.util.List;
import org.renda.shared.document.Block.Heading;
import org.renda.shared.document.Block.Items;
import org.renda.shared.document.Block.PageBreak;
import org.renda.shared.document.Block.Picture;
import org.renda.shared.document.Block.Paragraph;
import org.renda.shared.document.Block.Signature;
import org.renda.shared.document.Block.Subtitle;
import org.renda.shared.document.Block.Table;
import org.renda.shared.document.Block.Title;
import org.renda.shared.pdf.PageFormat;
import org.renda.shared.pdf.PdfDocument;
import org.renda.shared.pdf.PdfStyle;
import org.renda.shared.pdf.PdfTable;
import org.renda.shared.pdf.PdfTable.Align;

/**
 * A {@link Document} as a PDF to print or archive, laid out like its Word file ({@link DocxWriter}): A4, the
 * 公文 margins, body 16 pt on 28 pt lines indented two characters, the title 22 pt centred, page numbers
 * "— 1 —". One embedded face (shared.pdf's CJK font) serves for all: headings and lead-ins are set bold.
 * Long lines wrap, tables run over pages with their header repeated, a heading never ends a page.
 */
public final class PdfWriter {

    private static final Color BLACK = Color.BLACK;
    static final PdfStyle TITLE = new PdfStyle(22, false, BLACK, 1.6f);
    static final PdfStyle BODY = new PdfStyle(16, false, BLACK, 1.75f);
    static final PdfStyle HEADING = BODY.asBold();
    static final PdfStyle TABLE = new PdfStyle(12, false, BLACK, 1.45f);
    static final PdfStyle TABLE_HEAD = TABLE.asBold();
    private static final PdfStyle PAGE_NUMBER = new PdfStyle(12, false, BLACK, 1.4f);
    private static final float INDENT = 2 * BODY.size();

    private final PdfDocument pdf;
    private boolean afterTitle;

    private PdfWriter(PdfDocument pdf) {
        this.pdf = pdf;
    }

    /** The PDF file's bytes. */
    public static byte[] write(Document document) {
        try (PdfDocument pdf = PdfDocument.create(PageFormat.A4, 37, 26, 35, 28, document.title())) {
            PdfWriter writer = new PdfWriter(pdf);
            for (Block block : document.blocks()) {
                writer.block(block);
            }
            return pdf.toBytes((page, pages) -> "— " + page + " —");
        }
    }

    private void block(Block block) {
        boolean title = block instanceof Title || block instanceof Subtitle;
        if (afterTitle && !title && !(block instanceof PageBreak)) {
            pdf.space(BODY.lineHeight());
        }
        if (block instanceof Title t) {
            lines(t.text(), TITLE, Align.CENTER, 0, "");
        } else if (block instanceof Subtitle s) {
            lines(s.text(), BODY, Align.CENTER, 0, "");
        } else if (block instanceof Heading h) {
            pdf.ensure(2 * BODY.lineHeight()); // with its first line of text
            lines(h.text(), h.level() == 1 ? HEADING : BODY, Align.LEFT, INDENT, "");
        } else if (block instanceof Paragraph p) {
            lines(p.lead() + p.text(), BODY, Align.LEFT, p.indented() ? INDENT : 0, p.lead());
        } else if (block instanceof Items list) {
            for (int i = 0; i < list.items().size(); i++) {
                String mark = list.numbered() ? (i + 1) + "." : "• ";
                lines(mark + list.items().get(i), BODY, Align.LEFT, INDENT, "");
            }
        } else if (block instanceof Table t) {
            table(t);
        } else if (block instanceof Signature s) {
            signature(s.lines());
        } else if (block instanceof PageBreak) {
            pdf.newPage();
        } else if (block instanceof Picture pic) {
            float h = pdf.contentWidth() * pic.heightPx() / pic.widthPx();
            pdf.space(6);
            pdf.ensure(h + (pic.caption().isEmpty() ? 0 : TABLE.lineHeight()));
            float top = pdf.cursor();
            pdf.image(pic.png(), pdf.margin(), top, pdf.contentWidth(), h);
            pdf.moveCursor(top + h + 4);
            if (!pic.caption().isEmpty()) {
                lines(pic.caption(), TABLE, Align.CENTER, 0, "");
            }
        }
        afterTitle = title;
    }

    /**
     * Wrapped lines at the cursor, each paragraph's first line indented; the first characters ({@code bold}) set
     * bold, the lead-in of a paragraph.
     */
    private void lines(String text, PdfStyle style, Align align, float indent, String bold) {
        int boldLeft = bold.codePointCount(0, bold.length());
        boolean first = true;
        for (String line : pdf.wrap(text, style, pdf.contentWidth(), indent)) {
            pdf.ensure(style.lineHeight());
            float x = pdf.margin() + (first ? indent : 0);
            float top = pdf.cursor();
            if (align != Align.LEFT) {
                pdf.text(line, style, pdf.margin(), top, pdf.contentWidth(), align);
            } else if (boldLeft > 0) {
                int n = Math.min(boldLeft, line.codePointCount(0, line.length()));
                String head = line.substring(0, line.offsetByCodePoints(0, n));
                pdf.text(head, style.asBold(), x, top);
                pdf.text(line.substring(head.length()), style, x + pdf.width(head, style), top);
                boldLeft -= n;
            } else {
                pdf.text(line, style, x, top);
            }
            pdf.moveCursor(top + style.lineHeight());
            first = false;
        }
    }

    private void table(Table t) {
        int columns = t.columns();
        float[] weights = new float[columns];
        for (int c = 0; c < columns; c++) {
            weights[c] = c < t.widths().size() && t.widths().get(c) > 0 ? t.widths().get(c) : 1;
        }
        PdfTable table = PdfTable.columns(weights).styles(TABLE, TABLE_HEAD);
        if (!t.header().isEmpty()) {
            table.header(cells(t.header(), columns));
        }
        for (List<String> row : t.rows()) {
            table.row(cells(row, columns));
        }
        pdf.space(4);
        pdf.table(table);
    }

    private static String[] cells(List<String> cells, int columns) {
        String[] out = new String[columns];
        for (int c = 0; c < columns; c++) {
            out[c] = c < cells.size() ? cells.get(c) : "";
        }
        return out;
    }

    /** Right-aligned four characters from the edge, each line centred on the widest (署名 over 成文日期). */
    private void signature(List<String> lines) {
        float widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, pdf.width(line, BODY));
        }
        pdf.space(BODY.lineHeight());
        pdf.ensure(lines.size() * BODY.lineHeight());
        for (String line : lines) {
            float right = INDENT * 2 + (widest - pdf.width(line, BODY)) / 2;
            float top = pdf.cursor();
            pdf.text(line, BODY, pdf.margin(), top, pdf.contentWidth() - right, Align.RIGHT);
            pdf.moveCursor(top + BODY.lineHeight());
        }
    }
}
