package org.renda.shared.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    /** Reads a QR code out of PNG bytes as a phone's scanner would. */
    public static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE));
        return result.getText();
    }

    @Test
    void aPngOfTheCodeDecodesBackToTheUrl() throws Exception {
        String url = "https://renda.example.cn/public/deputies/k7m2p9q4x3ab";
        byte[] png = QrCode.of(url).png(300);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(decode(png)).isEqualTo(url);
    }

    @Test
    void chineseTextSurvivesTheRoundTrip() throws Exception {
        assertThat(decode(QrCode.of("安澜镇人大代表联络站").png(200))).isEqualTo("安澜镇人大代表联络站");
    }

    @Test
    void theCodeKeepsAQuietZoneOfFourLightModules() {
        QrCode code = QrCode.of("https://renda.example.cn/public/deputies/abc");
        for (int i = 0; i < code.size(); i++) {
            for (int q = 0; q < QrCode.QUIET_ZONE; q++) {
                assertThat(code.isDark(i, q)).isFalse();
                assertThat(code.isDark(q, i)).isFalse();
                assertThat(code.isDark(i, code.size() - 1 - q)).isFalse();
                assertThat(code.isDark(code.size() - 1 - q, i)).isFalse();
            }
        }
        // the finder pattern starts right after the quiet zone
        assertThat(code.isDark(QrCode.QUIET_ZONE, QrCode.QUIET_ZONE)).isTrue();
    }

    @Test
    void thePngIsAtLeastTheAskedSizeWithWholePixelModules() throws Exception {
        QrCode code = QrCode.of("https://renda.example.cn/x");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(code.png(250)));
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(250).isEqualTo(image.getHeight());
        assertThat(image.getWidth() % code.size()).isZero();
    }

    @Test
    void emptyTextIsRefused() {
        assertThatThrownBy(() -> QrCode.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
