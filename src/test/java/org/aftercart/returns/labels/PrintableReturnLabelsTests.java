package org.aftercart.returns.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PrintableReturnLabelsTests {

    private static final List<String> SHOP =
            List.of("Maison Lemaire - Returns", "12 rue des Arts", "69002 Lyon", "France");
    private static final List<String> CUSTOMER = List.of("Ada Byron", "10 St James's Square", "London SW1Y 4LE", "UK");

    private final PrintableReturnLabels labels = new PrintableReturnLabels();

    @Test
    void aLabelNamesBothAddressesTheReturnAndItsReference() throws IOException {
        var label = labels.createLabel(new LabelRequest("R-2026-000123", SHOP, CUSTOMER, Locale.ENGLISH));

        assertThat(label.carrierName()).isEqualTo("printable").isEqualTo(labels.name());
        assertThat(label.trackingNumber()).isEqualTo("AC-RET-R-2026-000123");
        assertThat(label.mediaType()).isEqualTo("application/pdf");
        var text = textOf(label);
        assertThat(text)
                .contains(SHOP)
                .contains(CUSTOMER)
                .contains("Return to", "From", "Return R-2026-000123", "Parcel 1 of 1")
                .contains("Reference AC-RET-R-2026-000123")
                .contains("not a carrier tracking");
    }

    @Test
    void theLabelIsFourBySixInchesWithOnePagePerParcel() throws IOException {
        var label = labels.createLabel(new LabelRequest("R-77", SHOP, CUSTOMER, 2, Locale.ENGLISH));

        try (var pdf = Loader.loadPDF(label.pdf())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            for (var page : pdf.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(4 * 72f);
                assertThat(page.getMediaBox().getHeight()).isEqualTo(6 * 72f);
            }
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Return R-77");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
        assertThat(textOf(label)).contains("Parcel 1 of 2", "Parcel 2 of 2");
    }

    @Test
    void theBarcodeAndTheQrCodeScanAsTheReturnNumber() throws IOException, Exception {
        var label = labels.createLabel(new LabelRequest("R-2026-000123", SHOP, CUSTOMER, Locale.ENGLISH));

        var page = rendered(label, 0);
        assertThat(Scanner.read(page, BarcodeFormat.CODE_128)).isEqualTo("R-2026-000123");
        assertThat(Scanner.read(page, BarcodeFormat.QR_CODE)).isEqualTo("R-2026-000123");
    }

    @Test
    void theCodesAreDrawnAsVectorsNotImages() throws IOException {
        var label = labels.createLabel(new LabelRequest("R-5", SHOP, CUSTOMER, Locale.ENGLISH));

        try (var pdf = Loader.loadPDF(label.pdf())) {
            var resources = pdf.getPage(0).getResources();
            assertThat(resources.getXObjectNames()).isEmpty();
            assertThat(resources.getFontNames()).hasSize(1);
            assertThat(resources
                            .getFont(resources.getFontNames().iterator().next())
                            .isEmbedded())
                    .isTrue();
        }
    }

    @Test
    void charactersBeyondLatin1DoNotBreakTheLabel() throws Exception {
        var from = List.of("Paweł Żółć", "ul. Piotrkowska 5\t/ 7", "90-001 Łódź", "Deposit paid: 20 €");
        var returnTo = List.of("東京ストア", "Ελληνικά 1", "Москва", "Emoji 📦 box");

        var label = labels.createLabel(new LabelRequest("R-1", returnTo, from, Locale.ENGLISH));

        var text = textOf(label);
        assertThat(text).contains("Paweł Żółć", "ul. Piotrkowska 5 / 7", "90-001 Łódź", "Deposit paid: 20 €");
        assertThat(text).contains("Ελληνικά 1", "Москва", "?????", "Emoji ? box");
        var page = rendered(label, 0);
        assertThat(Scanner.read(page, BarcodeFormat.CODE_128)).isEqualTo("R-1");
        assertThat(Scanner.read(page, BarcodeFormat.QR_CODE)).isEqualTo("R-1");
    }

    @Test
    void anAddressLineTooLongForTheLabelIsShortened() throws IOException {
        var longLine = "Building C, staircase 4, third floor, the door at the end of the corridor on the left,"
                + " past the bicycles, the one with the green doormat and the brass knocker";

        var label = labels.createLabel(new LabelRequest("R-9", SHOP, List.of("Ada Byron", longLine), Locale.ENGLISH));

        assertThat(textOf(label))
                .contains("Building C, staircase 4")
                .contains("…")
                .doesNotContain(longLine);
    }

    @Test
    void theWordsAreInTheCustomersLanguageOrEnglish() throws IOException {
        var french = textOf(labels.createLabel(new LabelRequest("R-3", SHOP, CUSTOMER, Locale.FRANCE)));
        var german = textOf(labels.createLabel(new LabelRequest("R-3", SHOP, CUSTOMER, Locale.GERMAN)));

        assertThat(french).contains("Retour à", "Expéditeur", "Colis 1 sur 1", "Référence AC-RET-R-3");
        assertThat(german).contains("Return to", "From", "Parcel 1 of 1");
    }

    @Test
    void theSameRequestMakesTheSameLabel() {
        var request = new LabelRequest("R-42", SHOP, CUSTOMER, Locale.ENGLISH);

        assertThat(labels.createLabel(request)).isEqualTo(labels.createLabel(request));
        assertThat(labels.createLabel(request))
                .isNotEqualTo(labels.createLabel(new LabelRequest("R-43", SHOP, CUSTOMER, Locale.ENGLISH)));
    }

    @Test
    void aRequestThatCannotBePutOnALabelIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LabelRequest(" ", SHOP, CUSTOMER, Locale.ENGLISH));
        assertThatIllegalArgumentException().isThrownBy(() -> new LabelRequest("R-é", SHOP, CUSTOMER, Locale.ENGLISH));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LabelRequest(
                        "R-" + "1".repeat(LabelRequest.MAX_RETURN_NUMBER_LENGTH - 1), SHOP, CUSTOMER, Locale.ENGLISH));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LabelRequest("R-1", List.of(" "), CUSTOMER, Locale.ENGLISH));
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new LabelRequest("R-1", SHOP, List.of("1", "2", "3", "4", "5", "6", "7"), Locale.ENGLISH));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LabelRequest("R-1", SHOP, CUSTOMER, 0, Locale.ENGLISH));
    }

    @Test
    void theLongestReturnNumberAndFullAddressesStillScan() throws Exception {
        var longest = "RET-" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ12".substring(0, LabelRequest.MAX_RETURN_NUMBER_LENGTH - 4);
        var six = List.of("Line one", "Line two", "Line three", "Line four", "Line five", "Line six");

        var label = labels.createLabel(new LabelRequest(longest, six, six, Locale.FRANCE));

        var page = rendered(label, 0);
        assertThat(Scanner.read(page, BarcodeFormat.CODE_128)).isEqualTo(longest);
        assertThat(Scanner.read(page, BarcodeFormat.QR_CODE)).isEqualTo(longest);
    }

    private static String textOf(ReturnLabel label) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(label.pdf())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    /** The page as a label printer of 203 dots per inch would print it. */
    private static BufferedImage rendered(ReturnLabel label, int page) throws IOException {
        try (var pdf = Loader.loadPDF(label.pdf())) {
            return new PDFRenderer(pdf).renderImageWithDPI(page, 203, ImageType.GRAY);
        }
    }
}
