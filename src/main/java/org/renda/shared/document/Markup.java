package org.renda.shared.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.renda.shared.document.Block.Heading;
import org.renda.shared.document.Block.Items;
import org.renda.shared.document.Block.PageBreak;
import org.renda.shared.document.Block.Paragraph;
import org.renda.shared.document.Block.Signature;
import org.renda.shared.document.Block.Subtitle;
import org.renda.shared.document.Block.Table;
import org.renda.shared.document.Block.Title;

/**
 * The line markup of document templates (see {@link DocumentTemplates}) turned into blocks. Markup is recognised
 * only in the template's own text: everything an expression printed arrives wrapped by {@link #value} and is
 * always text, whatever it starts with and however many lines it has.
 */
final class Markup {

    /** Around what an expression printed. Private-use characters: never in a template, stripped from values. */
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';

    private static final Pattern NUMBERED = Pattern.compile("\\d{1,3}[.．]\\s");
    private static final Pattern WIDTH_CELL = Pattern.compile(":?-+:?");

    private Markup() {}

    /** A value printed into a template: text, never markup. */
    static String value(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append(OPEN);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != OPEN && c != CLOSE && c != '\r' && c != '\u0000') {
                out.append(c);
            }
        }
        return out.append(CLOSE).toString();
    }

    /** A run of a line: the template's own text (literal) or a value. */
    private record Run(String text, boolean literal) {}

    private record Line(List<Run> runs) {

        boolean blank() {
            return runs.stream().allMatch(r -> r.text().isBlank());
        }

        /** The template's text this line starts with, leading spaces dropped (empty when a value comes first). */
        String head() {
            for (Run r : runs) {
                if (!r.literal()) {
                    return "";
                }
                String t = r.text().stripLeading();
                if (!t.isEmpty()) {
                    return t;
                }
            }
            return "";
        }

        /** The line without its leading spaces and the first {@code n} characters of its markup. */
        Line drop(int n) {
            List<Run> out = new ArrayList<>();
            int left = n;
            boolean leading = true;
            for (Run r : runs) {
                String t = r.text();
                if (leading && r.literal()) {
                    t = t.stripLeading();
                    int cut = Math.min(left, t.length());
                    t = t.substring(cut);
                    left -= cut;
                    if (t.isEmpty()) {
                        continue;
                    }
                }
                leading = false;
                out.add(new Run(t, r.literal()));
            }
            return new Line(out);
        }

        String text() {
            StringBuilder s = new StringBuilder();
            runs.forEach(r -> s.append(r.text()));
            return s.toString().strip();
        }
    }

    /** The blocks of a rendered template. */
    static List<Block> parse(String rendered) {
        return new Parser(lines(rendered)).blocks();
    }

    /** Splits at the template's own line breaks; a line break inside a value stays in the value. */
    private static List<Line> lines(String rendered) {
        List<Line> lines = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean inValue = false;
        for (int i = 0; i < rendered.length(); i++) {
            char c = rendered.charAt(i);
            if (c == OPEN || c == CLOSE) {
                if (run.length() > 0 || c == CLOSE) {
                    runs.add(new Run(run.toString(), !inValue));
                }
                run.setLength(0);
                inValue = c == OPEN;
            } else if (c == '\n' && !inValue) {
                if (run.length() > 0) {
                    runs.add(new Run(run.toString(), true));
                }
                run.setLength(0);
                lines.add(new Line(runs));
                runs = new ArrayList<>();
            } else if (c != '\r') {
                run.append(c);
            }
        }
        if (run.length() > 0) {
            runs.add(new Run(run.toString(), !inValue));
        }
        if (!runs.isEmpty()) {
            lines.add(new Line(runs));
        }
        return lines;
    }

    private static final class Parser {

        private final List<Line> lines;
        private final List<Block> blocks = new ArrayList<>();
        private int at;

        Parser(List<Line> lines) {
            this.lines = lines;
        }

        List<Block> blocks() {
            while (at < lines.size()) {
                Line line = lines.get(at);
                String head = line.head();
                if (line.blank()) {
                    at++;
                } else if (head.strip().equals("---page---") && line.runs().stream().allMatch(Run::literal)) {
                    blocks.add(new PageBreak());
                    at++;
                } else if (head.startsWith("# ")) {
                    String text = joined("# ");
                    if (!text.isBlank()) {
                        blocks.add(new Title(text));
                    }
                } else if (head.startsWith("## ") || head.startsWith("### ")) {
                    int level = head.startsWith("## ") ? 1 : 2;
                    String text = line.drop(level + 2).text();
                    at++;
                    if (!text.isBlank()) {
                        blocks.add(new Heading(level, text));
                    }
                } else if (head.startsWith("> ")) {
                    String text = joined("> ");
                    if (!text.isBlank()) {
                        blocks.add(new Subtitle(text));
                    }
                } else if (head.startsWith("~ ")) {
                    List<String> sign = joined("~ ").lines().filter(s -> !s.isBlank()).map(String::strip).toList();
                    if (!sign.isEmpty()) {
                        blocks.add(new Signature(sign));
                    }
                } else if (head.startsWith("- ") || NUMBERED.matcher(head).lookingAt()) {
                    items(head.startsWith("- "));
                } else if (head.startsWith("|")) {
                    table();
                } else if (head.startsWith("@ ")) {
                    paragraphs("", line.drop(2).text(), false);
                    at++;
                } else {
                    paragraph();
                }
            }
            return blocks;
        }

        /** Adjacent lines with the same mark, as lines of one text. */
        private String joined(String mark) {
            List<String> parts = new ArrayList<>();
            while (at < lines.size() && !lines.get(at).blank() && lines.get(at).head().startsWith(mark)) {
                parts.add(lines.get(at).drop(mark.length()).text());
                at++;
            }
            return String.join("\n", parts).strip();
        }

        /** Items of one kind, blank lines between them allowed (a loop in the template leaves them). */
        private void items(boolean bullets) {
            List<String> items = new ArrayList<>();
            while (at < lines.size()) {
                Line line = lines.get(at);
                String head = line.head();
                if (line.blank()) {
                    at++;
                    continue;
                }
                Matcher numbered = NUMBERED.matcher(head);
                int mark;
                if (bullets && head.startsWith("- ")) {
                    mark = 2;
                } else if (!bullets && numbered.lookingAt()) {
                    mark = numbered.end();
                } else {
                    break;
                }
                String text = line.drop(mark).text();
                if (!text.isBlank()) {
                    items.add(text.replace('\n', ' '));
                }
                at++;
            }
            if (!items.isEmpty()) {
                blocks.add(new Items(!bullets, items));
            }
        }

        /** Rows {@code | a | b |}, the first the header, blank lines between them allowed. */
        private void table() {
            List<List<String>> rows = new ArrayList<>();
            List<Float> widths = new ArrayList<>();
            while (at < lines.size()) {
                Line line = lines.get(at);
                if (line.blank()) {
                    at++;
                    continue;
                }
                if (!line.head().startsWith("|")) {
                    break;
                }
                at++;
                List<String> cells = cells(line);
                if (!rows.isEmpty() && widths.isEmpty() && rows.size() == 1 && isWidthRow(line, cells)) {
                    cells.forEach(c -> widths.add((float) c.strip().replace(":", "").length()));
                    continue;
                }
                rows.add(cells);
            }
            if (!rows.isEmpty()) {
                blocks.add(new Table(rows.get(0), rows.subList(1, rows.size()), widths));
            }
        }

        private static boolean isWidthRow(Line line, List<String> cells) {
            return line.runs().stream().allMatch(Run::literal)
                    && cells.stream().allMatch(c -> WIDTH_CELL.matcher(c.strip()).matches());
        }

        /** Cells split at the template's own bars; a bar inside a value is text. */
        private static List<String> cells(Line line) {
            List<StringBuilder> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean started = false;
            boolean closed = false;
            for (Run r : line.runs()) {
                if (!r.literal()) {
                    cell.append(r.text());
                    closed = false;
                    continue;
                }
                String t = r.text();
                for (int i = 0; i < t.length(); i++) {
                    char c = t.charAt(i);
                    if (c == '|') {
                        if (started) {
                            cells.add(cell);
                        }
                        started = true;
                        cell = new StringBuilder();
                        closed = true;
                    } else {
                        cell.append(c);
                        if (!Character.isWhitespace(c)) {
                            closed = false;
                        }
                    }
                }
            }
            if (!closed) {
                cells.add(cell);
            }
            return cells.stream().map(c -> c.toString().strip()).toList();
        }

        /** Adjacent plain lines make one paragraph; a blank line or any mark ends it. */
        private void paragraph() {
            List<Run> runs = new ArrayList<>();
            boolean first = true;
            while (at < lines.size()) {
                Line line = lines.get(at);
                if (line.blank() || (!first && isMarked(line))) {
                    break;
                }
                if (!first) {
                    runs.add(new Run("\u0000", true)); // where two template lines meet
                }
                runs.addAll(line.runs());
                first = false;
                at++;
            }
            String lead = "";
            List<Run> body = runs;
            String head = new Line(runs).head();
            if (head.startsWith("**")) {
                Line rest = new Line(runs).drop(2);
                StringBuilder leadText = new StringBuilder();
                for (int i = 0; i < rest.runs().size(); i++) {
                    Run r = rest.runs().get(i);
                    int end = r.literal() ? r.text().indexOf("**") : -1;
                    if (end < 0) {
                        leadText.append(r.text());
                        continue;
                    }
                    leadText.append(r.text(), 0, end);
                    lead = leadText.toString();
                    body = new ArrayList<>();
                    body.add(new Run(r.text().substring(end + 2), true));
                    body.addAll(rest.runs().subList(i + 1, rest.runs().size()));
                    break;
                }
            }
            paragraphs(joinLines(lead).strip(), joinLines(new Line(body).text()), true);
        }

        private static boolean isMarked(Line line) {
            String h = line.head();
            return h.startsWith("# ") || h.startsWith("## ") || h.startsWith("### ") || h.startsWith("> ")
                    || h.startsWith("~ ") || h.startsWith("- ") || h.startsWith("|") || h.startsWith("@ ")
                    || NUMBERED.matcher(h).lookingAt() || h.strip().equals("---page---");
        }

        /** Template lines of one paragraph joined: nothing between Chinese, a space between Latin words. */
        private static String joinLines(String text) {
            StringBuilder out = new StringBuilder();
            String[] parts = text.split("\u0000", -1);
            for (int i = 0; i < parts.length; i++) {
                String p = i == 0 ? parts[i].stripTrailing() : parts[i].strip();
                if (i > 0 && !out.isEmpty() && !p.isEmpty() && isLatin(out.charAt(out.length() - 1))
                        && isLatin(p.charAt(0))) {
                    out.append(' ');
                }
                out.append(p);
            }
            return out.toString();
        }

        private static boolean isLatin(char c) {
            return c < 0x2E80 && Character.isLetterOrDigit(c) || c == ',' || c == '.' || c == ';';
        }

        /** A value's own line breaks start new paragraphs of plain text (the lead stays with the first). */
        private void paragraphs(String lead, String text, boolean indented) {
            List<String> parts = text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (parts.isEmpty() && lead.isEmpty()) {
                return;
            }
            blocks.add(new Paragraph(lead.replace('\n', ' '), parts.isEmpty() ? "" : parts.get(0), indented));
            for (int i = 1; i < parts.size(); i++) {
                blocks.add(new Paragraph("", parts.get(i), indented));
            }
        }
    }
}
