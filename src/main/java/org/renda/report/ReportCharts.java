package org.renda.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * The report's charts drawn with Java2D as PNG (no chart library): horizontal bars of counts, and a ring of a
 * part in its whole. Text in the platform's embedded CJK face (WenQuanYi Micro Hei, as in the PDFs), drawn at
 * twice the size it is printed for sharpness.
 */
final class ReportCharts {

    /** One bar: its label, its value and the text printed after it. */
    record Bar(String label, double value, String text) {}

    static final int WIDTH = 1600;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color[] FILLS = {new Color(0xB7, 0x1C, 0x1C), new Color(0x1F, 0x5F, 0x99),
            new Color(0xC8, 0x8A, 0x12), new Color(0x3B, 0x7D, 0x4F)};
    private static volatile @Nullable Font face;

    private ReportCharts() {}

    /** Horizontal bars, one colour, longest bar the widest value. */
    static byte[] bars(String title, List<Bar> bars, int colour) {
        int rowHeight = 70;
        int top = 110;
        int height = top + rowHeight * bars.size() + 50;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        title(g, title);
        Font labelFont = font(30f);
        g.setFont(labelFont);
        FontMetrics fm = g.getFontMetrics();
        int labelWidth = 0;
        for (Bar b : bars) {
            labelWidth = Math.max(labelWidth, fm.stringWidth(b.label()));
        }
        labelWidth = Math.min(labelWidth, WIDTH / 2);
        int x0 = 50 + labelWidth + 20;
        int span = WIDTH - x0 - 260;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        g.setColor(GRID);
        g.setStroke(new BasicStroke(2));
        g.drawLine(x0, top - 10, x0, top + rowHeight * bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = top + i * rowHeight;
            g.setColor(INK);
            g.setFont(labelFont);
            String label = fit(g, b.label(), labelWidth);
            g.drawString(label, x0 - 20 - g.getFontMetrics().stringWidth(label), y + 42);
            int w = max <= 0 ? 0 : (int) Math.round(span * b.value() / max);
            g.setColor(FILLS[colour % FILLS.length]);
            g.fillRect(x0, y + 10, Math.max(w, b.value() > 0 ? 3 : 0), 44);
            g.setColor(INK);
            g.setFont(font(30f).deriveFont(Font.BOLD));
            g.drawString(b.text(), x0 + w + 14, y + 43);
        }
        return png(image, g);
    }

    /** A ring: the part (e.g. closed) of the whole (received), the rate in its middle, a legend beside it. */
    static byte[] ring(String title, String partLabel, long part, String restLabel, long whole, String centre) {
        int height = 700;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        title(g, title);
        int d = 480;
        int x = 260;
        int y = 140;
        double share = whole <= 0 ? 0 : Math.min(1.0, (double) part / whole);
        g.setStroke(new BasicStroke(90, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.setColor(GRID);
        g.draw(new Arc2D.Double(x, y, d, d, 0, 360, Arc2D.OPEN));
        g.setColor(FILLS[1]);
        g.draw(new Arc2D.Double(x, y, d, d, 90, -360 * share, Arc2D.OPEN));
        g.setColor(INK);
        g.setFont(font(64f).deriveFont(Font.BOLD));
        int cw = g.getFontMetrics().stringWidth(centre);
        g.drawString(centre, x + d / 2 - cw / 2, y + d / 2 + 22);
        g.setFont(font(34f));
        int lx = x + d + 200;
        g.setColor(FILLS[1]);
        g.fillRect(lx, y + 150, 40, 40);
        g.setColor(INK);
        g.drawString(partLabel, lx + 60, y + 182);
        g.setColor(GRID);
        g.fillRect(lx, y + 250, 40, 40);
        g.setColor(INK);
        g.drawString(restLabel, lx + 60, y + 282);
        return png(image, g);
    }

    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static void title(Graphics2D g, String title) {
        g.setColor(INK);
        g.setFont(font(40f).deriveFont(Font.BOLD));
        int w = g.getFontMetrics().stringWidth(title);
        g.drawString(title, (WIDTH - w) / 2, 64);
    }

    /** The label cut with an ellipsis to the width. */
    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static byte[] png(BufferedImage image, Graphics2D g) {
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Font font(float size) {
        Font f = face;
        if (f == null) {
            synchronized (ReportCharts.class) {
                f = face;
                if (f == null) {
                    f = load();
                    face = f;
                }
            }
        }
        return f.deriveFont(size);
    }

    private static Font load() {
        try (InputStream in = ReportCharts.class.getClassLoader().getResourceAsStream("fonts/wqy-microhei.ttc")) {
            if (in == null) {
                throw new IOException("fonts/wqy-microhei.ttc missing");
            }
            Font[] fonts = Font.createFonts(in);
            for (Font f : fonts) {
                if (f.getFontName(java.util.Locale.ROOT).replace(" ", "").contains("MicroHei")
                        && !f.getFontName(java.util.Locale.ROOT).contains("Mono")) {
                    return f;
                }
            }
            return fonts[0];
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the CJK face for charts", e);
        }
    }
}
