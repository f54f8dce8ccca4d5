package org.aftercart.returns.labels;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** Reads codes back from images the way a scanner at a carrier's counter would, with ZXing's readers. */
final class Scanner {

    private Scanner() {}

    static String read(BufferedImage image, BarcodeFormat format) throws NotFoundException {
        var pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        var result = new MultiFormatReader()
                .decode(
                        bitmap,
                        Map.of(
                                DecodeHintType.POSSIBLE_FORMATS,
                                List.of(format),
                                DecodeHintType.TRY_HARDER,
                                Boolean.TRUE));
        if (result.getBarcodeFormat() != format) {
            throw new AssertionError("Read a " + result.getBarcodeFormat() + " instead of a " + format);
        }
        return result.getText();
    }
}
