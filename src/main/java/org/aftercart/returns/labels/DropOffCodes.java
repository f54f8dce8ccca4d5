package org.aftercart.returns.labels;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The QR code a customer shows when dropping a return off without a label or bringing it to a
 * store, carrying the return's reference (the same one the label's codes carry). As SVG for pages
 * (vector, sharp on any screen, sized by the page's CSS, named for screen readers) and as PNG for
 * e-mails, since most mail clients do not show SVG.
 */
@Component
public class DropOffCodes {

    /**
     * An {@code <svg>} element to put in a page as it is: a white square with the quiet zone and
     * the dark modules as one path, {@code role="img"} with an {@code aria-label} and a {@code
     * <title>} saying what it is in the customer's language. Without width or height, it fills its
     * container; the page decides the size.
     */
    public String svg(String reference, Locale locale) {
        var modules = ReturnCodes.qrCode(reference);
        var quiet = ReturnCodes.QR_QUIET_ZONE;
        var size = modules.getWidth() + 2 * quiet;
        var name = HtmlUtils.htmlEscape(LabelWords.in(locale).get("dropoff.code", reference), "UTF-8");
        var svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(size)
                .append(' ')
                .append(size)
                .append("\" role=\"img\" aria-label=\"")
                .append(name)
                .append("\" shape-rendering=\"crispEdges\" class=\"drop-off-code\"><title>")
                .append(name)
                .append("</title><rect width=\"")
                .append(size)
                .append("\" height=\"")
                .append(size)
                .append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y) == 1) {
                    var run = darkRun(modules, x, y);
                    svg.append('M')
                            .append(x + quiet)
                            .append(' ')
                            .append(y + quiet)
                            .append('h')
                            .append(run)
                            .append("v1h-")
                            .append(run)
                            .append('z');
                    x += run;
                }
            }
        }
        return svg.append("\"/></svg>").toString();
    }

    /**
     * A black-and-white PNG, quiet zone included, with square modules of a whole number of pixels
     * (so it stays sharp): as near to {@code pixels} wide as that allows, never narrower than one
     * pixel per module.
     */
    public byte[] png(String reference, int pixels) {
        var modules = ReturnCodes.qrCode(reference);
        var quiet = ReturnCodes.QR_QUIET_ZONE;
        var scale = Math.max(1, pixels / (modules.getWidth() + 2 * quiet));
        var size = (modules.getWidth() + 2 * quiet) * scale;
        var image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        var graphics = image.createGraphics();
        try {
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, size, size);
            graphics.setColor(java.awt.Color.BLACK);
            for (int y = 0; y < modules.getHeight(); y++) {
                for (int x = 0; x < modules.getWidth(); x++) {
                    if (modules.get(x, y) == 1) {
                        graphics.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale);
                    }
                }
            }
        } finally {
            graphics.dispose();
        }
        var png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static int darkRun(ByteMatrix modules, int x, int y) {
        var end = x;
        while (end < modules.getWidth() && modules.get(end, y) == 1) {
            end++;
        }
        return end - x;
    }
}
