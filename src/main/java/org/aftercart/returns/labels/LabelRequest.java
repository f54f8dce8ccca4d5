package org.aftercart.returns.labels;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a return label needs.
 *
 * @param returnNumber the return's number, which the barcode and the QR code carry: printable
 *     ASCII, at most {@value #MAX_RETURN_NUMBER_LENGTH} characters, so the barcode stays scannable
 *     on the label
 * @param returnTo the address the parcel goes to (the merchant's returns address), one to {@value
 *     #MAX_ADDRESS_LINES} lines, name first
 * @param from the customer's address, one to {@value #MAX_ADDRESS_LINES} lines, name first
 * @param parcelCount how many parcels the return is sent in; one label page per parcel
 * @param locale the language of the label's words (English when there is no translation)
 */
public record LabelRequest(
        String returnNumber, List<String> returnTo, List<String> from, int parcelCount, Locale locale) {

    public static final int MAX_RETURN_NUMBER_LENGTH = 24;
    public static final int MAX_ADDRESS_LINES = 6;
    public static final int MAX_PARCELS = 20;

    public LabelRequest {
        Objects.requireNonNull(returnNumber, "returnNumber");
        Objects.requireNonNull(locale, "locale");
        if (returnNumber.isBlank()
                || returnNumber.length() > MAX_RETURN_NUMBER_LENGTH
                || !returnNumber.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new IllegalArgumentException("A return number on a label is 1 to " + MAX_RETURN_NUMBER_LENGTH
                    + " printable ASCII characters, not '" + returnNumber + "'");
        }
        returnTo = addressLines("returnTo", returnTo);
        from = addressLines("from", from);
        if (parcelCount < 1 || parcelCount > MAX_PARCELS) {
            throw new IllegalArgumentException(
                    "A return is sent in 1 to " + MAX_PARCELS + " parcels, not " + parcelCount);
        }
    }

    /** One parcel, the common case. */
    public LabelRequest(String returnNumber, List<String> returnTo, List<String> from, Locale locale) {
        this(returnNumber, returnTo, from, 1, locale);
    }

    private static List<String> addressLines(String name, List<String> lines) {
        var kept = List.copyOf(lines).stream().filter(line -> !line.isBlank()).toList();
        if (kept.isEmpty() || kept.size() > MAX_ADDRESS_LINES) {
            throw new IllegalArgumentException(
                    "The " + name + " address has 1 to " + MAX_ADDRESS_LINES + " lines, not " + kept.size());
        }
        return kept;
    }
}
