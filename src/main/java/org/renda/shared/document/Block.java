package org.renda.shared.document;

import java.util.List;

/**
 * What an official document is made of (the look follows GB/T 9704 党政机关公文格式). Text may hold line breaks
 * ({@code \n}); a paragraph never does (each line is a paragraph of its own).
 */
public sealed interface Block {

    /** The document's title, centred in the title face (小标宋); a line break splits a long title. */
    record Title(String text) implements Block {}

    /** A centred line under the title, e.g. the date or the session: （2026年12月5日）. */
    record Subtitle(String text) implements Block {}

    /** A heading: level 1 in the heading face (黑体, "一、…"), level 2 in the italic face (楷体, "（一）…"). */
    record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 1 || level > 2) {
                throw new IllegalArgumentException("heading level 1 or 2: " + level);
            }
        }
    }

    /**
     * Body text. {@code lead} (may be empty) is set in the heading face before the text, as in
     * "<b>一、会议时间。</b>2026年12月10日上午9时". Indented by two characters unless {@code indented} is false
     * (the addressees, 主送机关, stand flush left).
     */
    record Paragraph(String lead, String text, boolean indented) implements Block {
        public Paragraph {
            if (text.indexOf('\n') >= 0 || lead.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a paragraph is one line; split it into paragraphs");
            }
        }

        public static Paragraph of(String text) {
            return new Paragraph("", text, true);
        }
    }

    /** A list, numbered 1. 2. 3. or bulleted, each item an indented paragraph. */
    record Items(boolean numbered, List<String> items) implements Block {
        public Items {
            items = List.copyOf(items);
        }
    }

    /**
     * A table with a header row (repeated on every page; may be empty for none) and rows of as many cells.
     * {@code widths} are relative column widths (empty: equal).
     */
    record Table(List<String> header, List<List<String>> rows, List<Float> widths) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            widths = List.copyOf(widths);
        }

        /** The number of columns: the widest of the header and the rows. */
        public int columns() {
            int n = Math.max(header.size(), widths.size());
            for (List<String> row : rows) {
                n = Math.max(n, row.size());
            }
            return Math.max(n, 1);
        }
    }

    /**
     * The signature at the end: the issuing organisation and the date, each line centred on the others and
     * the whole right-aligned four characters from the edge (署名 and 成文日期).
     */
    record Signature(List<String> lines) implements Block {
        public Signature {
            lines = List.copyOf(lines);
        }
    }

    /** The next block starts a new page. */
    record PageBreak() implements Block {}

    /**
     * A picture (a chart) centred across the text width, its caption centred under it (may be empty). {@code png}
     * is a PNG image of {@code widthPx} by {@code heightPx} pixels; it is scaled to the text width keeping its
     * proportions. Made in code (the markup has no picture line).
     */
    record Picture(byte[] png, int widthPx, int heightPx, String caption) implements Block {
        public Picture {
            if (widthPx <= 0 || heightPx <= 0) {
                throw new IllegalArgumentException("a picture has a size: " + widthPx + "x" + heightPx);
            }
        }
    }
}
