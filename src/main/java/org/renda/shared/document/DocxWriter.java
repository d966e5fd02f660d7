package org.renda.shared.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLanguage;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.renda.shared.document.Block.Heading;
import org.renda.shared.document.Block.Items;
import org.renda.shared.document.Block.PageBreak;
import org.renda.shared.document.Block.Picture;
import org.renda.shared.document.Block.Paragraph;
import org.renda.shared.document.Block.Signature;
import org.renda.shared.document.Block.Subtitle;
import org.renda.shared.document.Block.Table;
import org.renda.shared.document.Block.Title;

/**
 * A {@link Document} as an editable Word file (.docx, opened by Word and WPS) laid out like a 公文 (GB/T 9704):
 * A4, margins 37 / 26 / 35 / 28 mm (top, right, bottom, left), the title in 方正小标宋简体 22 pt centred, the body in
 * 仿宋_GB2312 16 pt indented two characters on exact 28 pt lines, headings in 黑体 and 楷体_GB2312, page numbers
 * "— 1 —" in the footer. The Chinese faces are set as the East-Asian fonts of every run (Latin letters and digits
 * in Times New Roman); a PC without a face shows its default Chinese font instead. Language zh-CN, title and
 * creator ("Renda") in the file's properties.
 */
public final class DocxWriter {

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String HEADING_FONT = "黑体";
    public static final String SUBHEADING_FONT = "楷体_GB2312";
    public static final String LATIN_FONT = "Times New Roman";
    static final String PAGE_NUMBER_FONT = "宋体";

    private static final double BODY_PT = 16;
    private static final double TITLE_PT = 22;
    private static final double TABLE_PT = 14;
    private static final double LINE_PT = 28;
    /** One character of body text, in twentieths of a point. */
    private static final int CHAR = (int) (BODY_PT * 20);
    /** The text width: A4 less the left and right margins. */
    private static final int TEXT_WIDTH = twips(210 - 28 - 26);

    private final XWPFDocument doc;
    private boolean breakBefore;
    private boolean afterTitle;

    private DocxWriter(XWPFDocument doc) {
        this.doc = doc;
    }

    /** The .docx file's bytes. */
    public static byte[] write(Document document) {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxWriter writer = new DocxWriter(doc);
            writer.setUp(document.title());
            for (Block block : document.blocks()) {
                writer.block(block);
            }
            List<IBodyElement> body = doc.getBodyElements();
            if (body.isEmpty() || body.get(body.size() - 1) instanceof XWPFTable) {
                writer.paragraph(ParagraphAlignment.LEFT, false); // Word ends a document with a paragraph
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setUp(String title) {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        fonts.setCs(LATIN_FONT);
        fonts.setEastAsia(BODY_FONT);
        styles.setDefaultFonts(fonts);
        // what a new paragraph typed in Word starts from: body text, in Chinese
        CTRPr defaults = styles.getCtStyles().getDocDefaults().getRPrDefault().getRPr();
        CTLanguage lang = defaults.sizeOfLangArray() > 0 ? defaults.getLangArray(0) : defaults.addNewLang();
        lang.setVal("zh-CN");
        lang.setEastAsia("zh-CN");
        defaults.addNewSz().setVal(BigInteger.valueOf((long) (BODY_PT * 2)));
        defaults.addNewSzCs().setVal(BigInteger.valueOf((long) (BODY_PT * 2)));

        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(37)));
        margins.setRight(BigInteger.valueOf(twips(26)));
        margins.setBottom(BigInteger.valueOf(twips(35)));
        margins.setLeft(BigInteger.valueOf(twips(28)));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        margins.setFooter(BigInteger.valueOf(twips(20)));
        margins.setGutter(BigInteger.ZERO);
        pageNumbers();

        doc.getProperties().getCoreProperties().setTitle(title);
        doc.getProperties().getCoreProperties().setCreator("Renda");
        doc.getProperties().getExtendedProperties().setApplication("Renda");
    }

    /** "— 1 —" centred in the footer: a PAGE field between dashes. */
    private void pageNumbers() {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", PAGE_NUMBER_FONT, 14, false);
        run(p, "", PAGE_NUMBER_FONT, 14, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        run(p, "", PAGE_NUMBER_FONT, 14, false).getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(p, "", PAGE_NUMBER_FONT, 14, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", PAGE_NUMBER_FONT, 14, false);
        run(p, "", PAGE_NUMBER_FONT, 14, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", PAGE_NUMBER_FONT, 14, false);
    }

    private void block(Block block) {
        boolean title = block instanceof Title || block instanceof Subtitle;
        if (title) {
            afterTitle = false; // a subtitle sits right under the title; the space comes after both
        }
        if (block instanceof Title t) {
            XWPFParagraph p = paragraph(ParagraphAlignment.CENTER, false);
            p.setSpacingBetween(36, LineSpacingRule.EXACT);
            run(p, t.text(), TITLE_FONT, TITLE_PT, false);
        } else if (block instanceof Subtitle s) {
            run(paragraph(ParagraphAlignment.CENTER, false), s.text(), SUBHEADING_FONT, BODY_PT, false);
        } else if (block instanceof Heading h) {
            XWPFParagraph p = paragraph(ParagraphAlignment.BOTH, true);
            p.getCTP().getPPr().addNewKeepNext();
            run(p, h.text(), h.level() == 1 ? HEADING_FONT : SUBHEADING_FONT, BODY_PT, false);
        } else if (block instanceof Paragraph par) {
            XWPFParagraph p = paragraph(ParagraphAlignment.BOTH, par.indented());
            if (!par.lead().isEmpty()) {
                run(p, par.lead(), HEADING_FONT, BODY_PT, false);
            }
            run(p, par.text(), BODY_FONT, BODY_PT, false);
        } else if (block instanceof Items list) {
            for (int i = 0; i < list.items().size(); i++) {
                String mark = list.numbered() ? (i + 1) + "." : "• ";
                run(paragraph(ParagraphAlignment.BOTH, true), mark + list.items().get(i), BODY_FONT, BODY_PT, false);
            }
        } else if (block instanceof Table t) {
            table(t);
        } else if (block instanceof Signature s) {
            signature(s.lines());
        } else if (block instanceof PageBreak) {
            breakBefore = true;
        } else if (block instanceof Picture pic) {
            picture(pic);
        }
        afterTitle = title;
    }

    /** A centred picture at the text width (single-spaced so the line does not clip it), its caption below. */
    private void picture(Picture pic) {
        XWPFParagraph p = paragraph(ParagraphAlignment.CENTER, false);
        p.setSpacingBetween(1.0);
        p.setSpacingLineRule(LineSpacingRule.AUTO);
        p.getCTP().getPPr().addNewKeepNext();
        double widthPt = TEXT_WIDTH / 20.0;
        double heightPt = widthPt * pic.heightPx() / pic.widthPx();
        try {
            p.createRun().addPicture(new java.io.ByteArrayInputStream(pic.png()), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                    "chart.png", org.apache.poi.util.Units.toEMU(widthPt), org.apache.poi.util.Units.toEMU(heightPt));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("picture", e);
        }
        if (!pic.caption().isEmpty()) {
            run(paragraph(ParagraphAlignment.CENTER, false), pic.caption(), SUBHEADING_FONT, TABLE_PT, false);
        }
    }

    /** A body paragraph: exact 28 pt lines, no space around, indented two characters if asked. */
    private XWPFParagraph paragraph(ParagraphAlignment align, boolean indent) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
        p.setSpacingBefore(afterTitle ? (int) (LINE_PT * 20) : 0);
        p.setSpacingAfter(0);
        afterTitle = false;
        if (indent) {
            CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
            CTInd ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
            ind.setFirstLineChars(BigInteger.valueOf(200));
            ind.setFirstLine(BigInteger.valueOf(2L * CHAR));
        }
        if (breakBefore) {
            p.setPageBreak(true);
            breakBefore = false;
        }
        return p;
    }

    /** A run in a Chinese face (Latin in Times New Roman); line breaks in the text become breaks in the line. */
    private static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setFontFamily(LATIN_FONT, FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, FontCharRange.hAnsi);
        r.setFontFamily(LATIN_FONT, FontCharRange.cs);
        r.setFontFamily(font, FontCharRange.eastAsia);
        // quotation marks and the like are shared by Latin and Chinese: set them in the Chinese face
        r.getCTR().getRPr().getRFontsArray(0).setHint(STHint.EAST_ASIA);
        r.setFontSize(size);
        if (bold) {
            r.setBold(true);
        }
        String[] lines = xmlSafe(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            if (!lines[i].isEmpty() || lines.length == 1 && !text.isEmpty()) {
                r.setText(lines[i], r.getCTR().sizeOfTArray());
            }
        }
        return r;
    }

    private void table(Table t) {
        int columns = t.columns();
        List<List<String>> rows = new java.util.ArrayList<>();
        if (!t.header().isEmpty()) {
            rows.add(t.header());
        }
        rows.addAll(t.rows());
        if (rows.isEmpty()) {
            return;
        }
        if (breakBefore || afterTitle) {
            paragraph(ParagraphAlignment.LEFT, false); // carries the page break or the space under the title
        }
        int[] widths = widths(t, columns);
        XWPFTable table = doc.createTable(rows.size(), columns);
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(TEXT_WIDTH));
        CTTblPr tblPr = table.getCTTbl().getTblPr();
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (int r = 0; r < rows.size(); r++) {
            boolean head = r == 0 && !t.header().isEmpty();
            XWPFTableRow row = table.getRow(r);
            if (head) {
                row.setRepeatHeader(true);
            }
            List<String> cells = rows.get(r);
            for (int c = 0; c < columns; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidthType(TableWidthType.DXA);
                cell.setWidth(String.valueOf(widths[c]));
                cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(head ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                p.setSpacingBetween(1, LineSpacingRule.AUTO);
                p.setSpacingBefore(0);
                p.setSpacingAfter(0);
                run(p, c < cells.size() ? cells.get(c) : "", head ? HEADING_FONT : BODY_FONT, TABLE_PT, false);
            }
        }
        afterTitle = false;
    }

    /** Column widths in twips, in proportion to the table's widths (equal without them). */
    private static int[] widths(Table t, int columns) {
        float[] weights = new float[columns];
        float sum = 0;
        for (int c = 0; c < columns; c++) {
            weights[c] = c < t.widths().size() && t.widths().get(c) > 0 ? t.widths().get(c) : 1;
            sum += weights[c];
        }
        int[] out = new int[columns];
        for (int c = 0; c < columns; c++) {
            out[c] = Math.round(TEXT_WIDTH * weights[c] / sum);
        }
        return out;
    }

    /** Right-aligned four characters from the edge, each line centred on the longest (署名 over 成文日期). */
    private void signature(List<String> lines) {
        double widest = lines.stream().mapToDouble(DocxWriter::ems).max().orElse(0);
        boolean first = true;
        for (String line : lines) {
            XWPFParagraph p = paragraph(ParagraphAlignment.RIGHT, false);
            if (first) {
                p.setSpacingBefore((int) (LINE_PT * 20));
                p.getCTP().getPPr().addNewKeepNext();
                first = false;
            }
            p.setIndentationRight((int) Math.round(4 * CHAR + (widest - ems(line)) / 2 * CHAR));
            run(p, line, BODY_FONT, BODY_PT, false);
        }
    }

    /** Without what XML 1.0 cannot carry (control characters, U+FFFE/FFFF): Word would refuse the whole file. */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean ok = cp == '\n' || cp == '\t' || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                    || cp >= 0x10000 && cp <= 0x10FFFF;
            if (ok) {
                out.appendCodePoint(cp);
            } else if (cp == '\r' || Character.isISOControl(cp)) {
                out.append(cp == '\r' ? "" : " ");
            }
        }
        return out.toString();
    }

    /** Width in body characters: Chinese one, Latin letters and digits half. */
    static double ems(String line) {
        double w = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            w += cp < 0x2E80 ? 0.5 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static int twips(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }
}
