package org.aftercart.returns.labels;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The modules (dark or light cells) of the codes that carry a return reference, computed by ZXing
 * and drawn by whoever shows them, at whatever scale, without quiet zones (the drawer leaves them).
 */
final class ReturnCodes {

    /** Light modules a Code 128 barcode needs on either side (ISO/IEC 15417). */
    static final int BARCODE_QUIET_ZONE = 10;

    /** Light modules a QR code needs around it (ISO/IEC 18004). */
    static final int QR_QUIET_ZONE = 4;

    /**
     * Medium error correction (15 % of the code may be lost): a QR code of a short reference stays
     * small enough to print with large modules, and still reads when a printed label is scuffed.
     */
    private static final ErrorCorrectionLevel QR_ERROR_CORRECTION = ErrorCorrectionLevel.M;

    private ReturnCodes() {}

    /** The bars of a Code 128 barcode, {@code true} for a dark module, without quiet zones. */
    static boolean[] barcode(String reference) {
        return new Code128Writer().encode(reference);
    }

    /** The modules of a QR code, {@code 1} for a dark one, without the quiet zone. */
    static ByteMatrix qrCode(String reference) {
        try {
            return Encoder.encode(
                            reference,
                            QR_ERROR_CORRECTION,
                            Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()))
                    .getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("'" + reference + "' does not fit in a QR code", e);
        }
    }
}
