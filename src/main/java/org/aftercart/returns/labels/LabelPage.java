package org.aftercart.returns.labels;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws one page of a printable return label, top to bottom: a black band with the return number
 * and the parcel, the customer's address, the framed return-to address, the Code 128 barcode with
 * its text, and the QR code beside the instructions and the reference. The codes are drawn as
 * filled rectangles (vectors), so they print sharp at any printer resolution.
 */
final class LabelPage {

    /** 4 × 6 inches, the size of thermal label printers' labels; it also prints on A4 or Letter. */
    static final PDRectangle SIZE = new PDRectangle(4 * 72, 6 * 72);

    private static final float MARGIN = 12;
    private static final float CONTENT_WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final float BAND_HEIGHT = 26;
    private static final float GAP = 8;
    private static final float CAPTION_SIZE = 7;
    private static final float FROM_SIZE = 9;
    private static final float TO_SIZE = 12;
    private static final float BARCODE_HEIGHT = 56;
    private static final float BARCODE_TEXT_SIZE = 11;
    private static final float QR_SIZE = 96;
    private static final float SMALL_SIZE = 7.5f;
    private static final float SMALLEST_SIZE = 6;
    private static final float LEADING = 1.2f;
    private static final String ELLIPSIS = "…";

    private final PDPageContentStream content;
    private final LabelFont font;
    private final LabelWords words;
    private float top = SIZE.getHeight() - MARGIN;

    LabelPage(PDPageContentStream content, LabelFont font, LabelWords words) {
        this.content = content;
        this.font = font;
        this.words = words;
    }

    void draw(LabelRequest request, String trackingNumber, int parcel) throws IOException {
        band(request, parcel);
        from(request.from());
        returnTo(request.returnTo());
        barcode(request.returnNumber());
        qrCodeAndInstructions(request.returnNumber(), trackingNumber);
    }

    private void band(LabelRequest request, int parcel) throws IOException {
        fillRectangle(MARGIN, top - BAND_HEIGHT, CONTENT_WIDTH, BAND_HEIGHT);
        content.setNonStrokingColor(1f);
        var baseline = top - BAND_HEIGHT + 8;
        var parcelText = font.printable(words.get("label.parcel", parcel, request.parcelCount()));
        var parcelWidth = font.width(parcelText, 9);
        text(parcelText, SIZE.getWidth() - MARGIN - 6 - parcelWidth, baseline, 9);
        var title = words.get("label.title") + " " + request.returnNumber();
        fittedText(title, MARGIN + 6, baseline, 14, CONTENT_WIDTH - parcelWidth - 18);
        content.setNonStrokingColor(0f);
        top -= BAND_HEIGHT + GAP;
    }

    private void from(List<String> lines) throws IOException {
        top -= CAPTION_SIZE;
        text(font.printable(words.get("label.from")), MARGIN, top, CAPTION_SIZE);
        for (var line : lines) {
            top -= FROM_SIZE * LEADING;
            fittedText(line, MARGIN, top, FROM_SIZE, CONTENT_WIDTH);
        }
        top -= GAP;
    }

    private void returnTo(List<String> lines) throws IOException {
        var padding = 6f;
        var height = padding + CAPTION_SIZE + lines.size() * TO_SIZE * LEADING + padding + 2;
        content.setLineWidth(1.5f);
        content.addRect(MARGIN, top - height, CONTENT_WIDTH, height);
        content.stroke();
        var baseline = top - padding - CAPTION_SIZE;
        text(font.printable(words.get("label.to")), MARGIN + padding, baseline, CAPTION_SIZE);
        for (var line : lines) {
            baseline -= TO_SIZE * LEADING;
            fittedText(line, MARGIN + padding, baseline, TO_SIZE, CONTENT_WIDTH - 2 * padding);
        }
        top -= height + GAP + 2;
    }

    private void barcode(String returnNumber) throws IOException {
        var bars = ReturnCodes.barcode(returnNumber);
        var moduleWidth = CONTENT_WIDTH / (bars.length + 2 * ReturnCodes.BARCODE_QUIET_ZONE);
        var left = MARGIN + ReturnCodes.BARCODE_QUIET_ZONE * moduleWidth;
        var bottom = top - BARCODE_HEIGHT;
        for (int start = 0; start < bars.length; start++) {
            if (bars[start]) {
                var end = start;
                while (end < bars.length && bars[end]) {
                    end++;
                }
                content.addRect(left + start * moduleWidth, bottom, (end - start) * moduleWidth, BARCODE_HEIGHT);
                start = end;
            }
        }
        content.fill();
        var textWidth = font.width(returnNumber, BARCODE_TEXT_SIZE);
        top = bottom - BARCODE_TEXT_SIZE - 2;
        text(returnNumber, MARGIN + (CONTENT_WIDTH - textWidth) / 2, top, BARCODE_TEXT_SIZE);
        top -= GAP + 4;
    }

    private void qrCodeAndInstructions(String returnNumber, String trackingNumber) throws IOException {
        qrCode(ReturnCodes.qrCode(returnNumber), MARGIN, top);
        var left = MARGIN + QR_SIZE + 10;
        var width = SIZE.getWidth() - MARGIN - left;
        var baseline = top - SMALL_SIZE;
        for (var line : wrapped(font.printable(words.get("label.instructions")), SMALL_SIZE, width)) {
            text(line, left, baseline, SMALL_SIZE);
            baseline -= SMALL_SIZE * LEADING;
        }
        baseline -= 4;
        fittedText(words.get("label.reference", trackingNumber), left, baseline, SMALL_SIZE + 1, width);
        baseline -= SMALL_SIZE * LEADING + 1;
        for (var line : wrapped(font.printable(words.get("label.reference.note")), SMALLEST_SIZE, width)) {
            text(line, left, baseline, SMALLEST_SIZE);
            baseline -= SMALLEST_SIZE * LEADING;
        }
    }

    /** A QR code with its top-left corner here, quiet zone included, within {@link #QR_SIZE}. */
    private void qrCode(ByteMatrix modules, float left, float top) throws IOException {
        var moduleSize = QR_SIZE / (modules.getWidth() + 2 * ReturnCodes.QR_QUIET_ZONE);
        var originX = left + ReturnCodes.QR_QUIET_ZONE * moduleSize;
        var originY = top - ReturnCodes.QR_QUIET_ZONE * moduleSize;
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y) == 1) {
                    var end = x;
                    while (end < modules.getWidth() && modules.get(end, y) == 1) {
                        end++;
                    }
                    content.addRect(
                            originX + x * moduleSize,
                            originY - (y + 1) * moduleSize,
                            (end - x) * moduleSize,
                            moduleSize);
                    x = end;
                }
            }
        }
        content.fill();
    }

    /** A line of text made printable, smaller down to {@link #SMALLEST_SIZE} and cut short if it is too wide. */
    private void fittedText(String line, float x, float baseline, float size, float maxWidth) throws IOException {
        var printable = font.printable(line);
        var fittedSize = size;
        while (fittedSize > SMALLEST_SIZE && font.width(printable, fittedSize) > maxWidth) {
            fittedSize -= 0.5f;
        }
        if (font.width(printable, fittedSize) > maxWidth) {
            var ellipsis = font.printable(ELLIPSIS);
            while (!printable.isEmpty() && font.width(printable + ellipsis, fittedSize) > maxWidth) {
                printable = printable.substring(0, printable.offsetByCodePoints(printable.length(), -1));
            }
            printable = printable.stripTrailing() + ellipsis;
        }
        text(printable, x, baseline, fittedSize);
    }

    private List<String> wrapped(String printable, float size, float maxWidth) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : printable.split(" +")) {
            var candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.width(candidate, size) > maxWidth) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private void text(String printable, float x, float baseline, float size) throws IOException {
        content.beginText();
        content.setFont(font.pdfFont(), size);
        content.newLineAtOffset(x, baseline);
        content.showText(printable);
        content.endText();
    }

    private void fillRectangle(float x, float y, float width, float height) throws IOException {
        content.addRect(x, y, width, height);
        content.fill();
    }
}
