package org.aftercart.returns.labels;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DropOffCodesTests {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern DARK_RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    private final DropOffCodes codes = new DropOffCodes();

    @Test
    void theSvgCodeScansAsTheReturnReference() throws Exception {
        var svg = codes.svg("R-2026-000123", Locale.ENGLISH);

        assertThat(Scanner.read(drawn(svg), BarcodeFormat.QR_CODE)).isEqualTo("R-2026-000123");
    }

    @Test
    void theSvgCodeIsAnImageNamedForScreenReaders() {
        var svg = codes.svg("R-2026-000123", Locale.ENGLISH);

        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("role=\"img\"")
                .contains("aria-label=\"QR code of return R-2026-000123, to show when you drop off")
                .contains("<title>QR code of return R-2026-000123, to show when you drop off")
                .endsWith("</svg>");
        assertThat(codes.svg("R-2026-000123", Locale.FRENCH))
                .contains("aria-label=\"Code QR du retour R-2026-000123, à présenter");
    }

    @Test
    void aReferenceIsEscapedInTheMarkupAndCarriedAsItIs() throws Exception {
        var reference = "R-1 <b>\"&'";

        var svg = codes.svg(reference, Locale.ENGLISH);

        assertThat(svg).doesNotContain("<b>").contains("R-1 &lt;b&gt;&quot;&amp;&#39;");
        assertThat(Scanner.read(drawn(svg), BarcodeFormat.QR_CODE)).isEqualTo(reference);
    }

    @Test
    void thePngCodeScansAndHasWholePixelModules() throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(codes.png("R-2026-000123", 300)));

        assertThat(Scanner.read(image, BarcodeFormat.QR_CODE)).isEqualTo("R-2026-000123");
        var modules = ReturnCodes.qrCode("R-2026-000123").getWidth() + 2 * ReturnCodes.QR_QUIET_ZONE;
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isLessThanOrEqualTo(300);
        assertThat(image.getWidth() % modules).isZero();
        assertThat(image.getWidth() / modules).isGreaterThan(1);
    }

    /** Paints the SVG's dark runs (the only shapes it draws on its white square), eight pixels a module. */
    private static BufferedImage drawn(String svg) {
        var scale = 8;
        var viewBox = VIEW_BOX.matcher(svg);
        assertThat(viewBox.find()).as("the SVG has a square viewBox").isTrue();
        var size = Integer.parseInt(viewBox.group(1)) * scale;
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, size, size);
        graphics.setColor(Color.BLACK);
        var path = svg.substring(svg.indexOf(" d=\"") + 4, svg.lastIndexOf('"'));
        var run = DARK_RUN.matcher(path);
        var drawnUpTo = 0;
        while (run.find()) {
            assertThat(run.start()).as("the path holds only dark runs").isEqualTo(drawnUpTo);
            graphics.fillRect(
                    Integer.parseInt(run.group(1)) * scale,
                    Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale,
                    scale);
            drawnUpTo = run.end();
        }
        assertThat(drawnUpTo).isEqualTo(path.length()).isPositive();
        graphics.dispose();
        return image;
    }
}
