package org.aftercart.returns.labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The font of a label and the text it can show. Addresses come from customers and may hold any
 * character; a character the font has no glyph for would make PDFBox refuse the whole label. So
 * every text goes through {@link #printable(String)}, which keeps what the font shows and replaces
 * the rest: by its base letter when it has one ({@code ș} → {@code s}), else by {@code ?}.
 */
final class LabelFont {

    /**
     * Liberation Sans (SIL Open Font License), which PDFBox ships for its own font substitution:
     * Latin with its extensions (Polish, Czech, Turkish …), Greek, Cyrillic and the euro sign, and
     * embedding is allowed. Embedded as a subset, it adds a few kilobytes to a label.
     */
    static final String BUNDLED_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** Letters that have no base letter in Unicode's decomposition, with the one readers expect. */
    private static final Map<Integer, String> BASE_LETTERS = Map.of(
            (int) 'ł', "l", (int) 'Ł', "L", (int) 'đ', "d", (int) 'Đ', "D", (int) 'ı', "i", (int) 'ħ', "h", (int) 'Ħ',
            "H", (int) 'ø', "o", (int) 'Ø', "O", (int) 'œ', "oe");

    private final PDFont font;
    private final Map<Integer, Boolean> shown = new HashMap<>();

    private LabelFont(PDFont font) {
        this.font = font;
    }

    /**
     * Liberation Sans embedded in the document, or PDF's standard Helvetica (Latin-1 only) if a
     * PDFBox release stopped shipping it.
     */
    static LabelFont embeddedIn(PDDocument document) throws IOException {
        try (InputStream bundled = PDDocument.class.getResourceAsStream(BUNDLED_FONT)) {
            if (bundled != null) {
                return new LabelFont(PDType0Font.load(document, bundled));
            }
        }
        return standard();
    }

    /** Helvetica, one of the fonts every PDF reader has, with Windows-1252 (Latin-1) characters. */
    static LabelFont standard() {
        return new LabelFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
    }

    PDFont pdfFont() {
        return font;
    }

    /** The text with what the font cannot show replaced, control characters and line breaks made spaces. */
    String printable(String text) {
        var printable = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
                printable.append(' ');
            } else if (shows(codePoint)) {
                printable.appendCodePoint(codePoint);
            } else {
                printable.append(substitute(codePoint));
            }
        });
        return printable.toString();
    }

    /** The width of a printable text at this size, in points. */
    float width(String printableText, float size) {
        try {
            return font.getStringWidth(printableText) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String substitute(int codePoint) {
        var base = BASE_LETTERS.get(codePoint);
        if (base == null) {
            base = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
        }
        return !base.isEmpty() && base.codePoints().allMatch(this::shows) ? base : "?";
    }

    private boolean shows(int codePoint) {
        return shown.computeIfAbsent(codePoint, this::encodes);
    }

    private boolean encodes(int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException noGlyph) {
            return false;
        }
    }
}
