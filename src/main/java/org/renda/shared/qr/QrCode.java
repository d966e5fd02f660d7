package org.renda.shared.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A QR code of a text (usually an absolute URL): error correction level M (15% of the code may be
 * soiled or covered and it still reads) and the standard quiet zone of four light modules on every
 * side, which phones need to find the code on a printed card. Drawn as a PNG for screens or module by
 * module (see {@link #isDark}) for sharp vector printing.
 */
public final class QrCode {

    /** Light modules around the code, as ISO/IEC 18004 asks. */
    public static final int QUIET_ZONE = 4;

    private final String text;
    private final BitMatrix matrix;

    private QrCode(String text, BitMatrix matrix) {
        this.text = text;
        this.matrix = matrix;
    }

    public static QrCode of(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("QR text is empty");
        }
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, QUIET_ZONE));
            return new QrCode(text, m);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text too long for a QR code", e);
        }
    }

    public String text() {
        return text;
    }

    /** Modules on a side, quiet zone included. */
    public int size() {
        return matrix.getWidth();
    }

    /** True if the module at column {@code x}, row {@code y} (from the top left, quiet zone included) is dark. */
    public boolean isDark(int x, int y) {
        return matrix.get(x, y);
    }

    /** A black-on-white PNG at least {@code minPixels} wide, each module a whole number of pixels. */
    public byte[] png(int minPixels) {
        int n = size();
        int scale = Math.max(1, (minPixels + n - 1) / n);
        BufferedImage image = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < n * scale; y++) {
            for (int x = 0; x < n * scale; x++) {
                image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
