package org.aftercart.returns.labels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * The built-in labels, used while no carrier is connected: a 4 × 6 inch PDF, one page per parcel,
 * that the customer prints and sticks on the parcel, with both addresses, the return number as a
 * Code 128 barcode and as a QR code, and a reference of Aftercart's own in place of a carrier's
 * tracking number ({@value #REFERENCE_PREFIX} and the return number). Nothing is bought or
 * stored: the same request always makes the same document, byte for byte. A {@link Fallback}
 * bean, so any other {@link CarrierLabels} takes its place once it is added.
 */
@Component
@Fallback
public class PrintableReturnLabels implements CarrierLabels {

    public static final String NAME = "printable";

    /** Starts the references this adapter gives in place of tracking numbers. */
    public static final String REFERENCE_PREFIX = "AC-RET-";

    @Override
    public String name() {
        return NAME;
    }

    /** The reference printed on the label and returned as its tracking number: not a carrier's number. */
    public static String referenceOf(String returnNumber) {
        return REFERENCE_PREFIX + returnNumber;
    }

    @Override
    public ReturnLabel createLabel(LabelRequest request) {
        var reference = referenceOf(request.returnNumber());
        try (var document = new PDDocument()) {
            var font = LabelFont.embeddedIn(document);
            var words = LabelWords.in(request.locale());
            for (int parcel = 1; parcel <= request.parcelCount(); parcel++) {
                var page = new PDPage(LabelPage.SIZE);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    new LabelPage(content, font, words).draw(request, reference, parcel);
                }
            }
            var information = document.getDocumentInformation();
            information.setTitle(words.get("label.title") + " " + request.returnNumber());
            information.setCreator("Aftercart");
            // PDFBox derives the file identifier from this instead of the clock: same label, same bytes.
            document.setDocumentId((long) reference.hashCode());
            document.getDocumentCatalog().setLanguage(request.locale().toLanguageTag());
            var pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return new ReturnLabel(NAME, reference, pdf.toByteArray(), ReturnLabel.PDF);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the label of return " + request.returnNumber(), e);
        }
    }
}
