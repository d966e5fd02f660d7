package org.renda.shared.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table to flow into a {@link PdfDocument}: relative column widths, an optional header row (repeated
 * on every page the table spans), then rows of text. Long cells wrap; a row too tall for the rest of a
 * page continues on the next one.
 *
 * <pre>{@code
 * pdf.table(PdfTable.columns(2, 5, 1).header("日期", "事项", "状态").align(2, Align.CENTER).row(...));
 * }</pre>
 */
public final class PdfTable {

    public enum Align { LEFT, CENTER, RIGHT }

    private final float[] weights;
    private final Align[] aligns;
    private String @Nullable [] header;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Boolean> emphasis = new ArrayList<>();
    private boolean labelColumn;
    private PdfStyle bodyStyle = PdfStyle.TABLE;
    private PdfStyle headStyle = PdfStyle.TABLE_HEAD;

    private PdfTable(float[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("a table needs a column");
        }
        this.weights = weights.clone();
        this.aligns = new Align[weights.length];
        Arrays.fill(aligns, Align.LEFT);
    }

    /** A table whose columns share the page width in these proportions. */
    public static PdfTable columns(float... weights) {
        return new PdfTable(weights);
    }

    public PdfTable header(String... cells) {
        this.header = cells(cells);
        return this;
    }

    public PdfTable align(int column, Align align) {
        aligns[column] = align;
        return this;
    }

    /** Shades the first column and sets it bold: a form of label / value pairs. */
    public PdfTable labelColumn() {
        this.labelColumn = true;
        return this;
    }

    /** The text of the rows and of the header row, instead of {@link PdfStyle#TABLE} and {@link PdfStyle#TABLE_HEAD}. */
    public PdfTable styles(PdfStyle body, PdfStyle head) {
        this.bodyStyle = body;
        this.headStyle = head;
        return this;
    }

    public PdfTable row(@Nullable String... cells) {
        rows.add(cells(cells));
        emphasis.add(false);
        return this;
    }

    /** A row set in bold, e.g. a total. */
    public PdfTable boldRow(@Nullable String... cells) {
        rows.add(cells(cells));
        emphasis.add(true);
        return this;
    }

    private String[] cells(@Nullable String[] cells) {
        if (cells.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " cells, got " + cells.length);
        }
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i] == null ? "" : cells[i];
        }
        return out;
    }

    float[] weights() {
        return weights;
    }

    Align align(int column) {
        return aligns[column];
    }

    String @Nullable [] headerCells() {
        return header;
    }

    List<String[]> rows() {
        return rows;
    }

    boolean bold(int row) {
        return emphasis.get(row);
    }

    PdfStyle bodyStyle() {
        return bodyStyle;
    }

    PdfStyle headStyle() {
        return headStyle;
    }

    boolean hasLabelColumn() {
        return labelColumn;
    }
}
