package org.aftercart.returns.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class LabelFontTests {

    @Test
    void labelsEmbedTheFontThatPdfBoxShips() throws IOException {
        try (var document = new PDDocument()) {
            var font = LabelFont.embeddedIn(document);

            assertThat(font.pdfFont()).isInstanceOf(PDType0Font.class);
            assertThat(font.printable("Paweł, Łódź, Ελληνικά, Москва, 20 €"))
                    .isEqualTo("Paweł, Łódź, Ελληνικά, Москва, 20 €");
            assertThat(font.printable("東京 📦")).isEqualTo("?? ?");
        }
    }

    @Test
    void withTheStandardFontWhatLatin1LacksBecomesItsBaseLetter() {
        var font = LabelFont.standard();

        assertThat(font.printable("Paweł Żółć, 90-001 Łódź, Crăciun, 20 €"))
                .isEqualTo("Pawel Zólc, 90-001 Lódz, Craciun, 20 €");
        assertThat(font.printable("東京 Москва")).isEqualTo("?? ??????");
    }

    @Test
    void lineBreaksAndControlCharactersBecomeSpaces() {
        var font = LabelFont.standard();

        assertThat(font.printable("Flat 2\nFloor\t3\u0000")).isEqualTo("Flat 2 Floor 3 ");
    }

    @Test
    void decomposedLettersAreComposedFirst() {
        assertThat(LabelFont.standard().printable("Cafe\u0301")).isEqualTo("Café");
    }
}
