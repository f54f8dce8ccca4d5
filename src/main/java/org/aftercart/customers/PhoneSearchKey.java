package org.aftercart.customers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/**
 * What a phone number typed into a search must end with: its national number's digits. Numbers
 * are kept as the channel gave them ({@code +44 7700 900123}, {@code 07700 900123},
 * {@code 0044 7700-900123}); all of them end with the same national digits, so the search compares
 * those, from the end, and an index on the reversed digits answers it.
 */
final class PhoneSearchKey {

    /** Fewer digits would match too many numbers to be a search by phone. */
    static final int MIN_DIGITS = 6;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneSearchKey() {}

    /** The national digits of the term when it looks like a phone number; empty otherwise. */
    static Optional<String> of(String term) {
        String trimmed = term.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40 || !trimmed.matches("[+0-9 ().\\-/]+")) {
            return Optional.empty();
        }
        String digits;
        try {
            // With its country code the parser knows where the national number starts.
            digits = String.valueOf(UTIL.parse(trimmed.startsWith("00") ? "+" + trimmed.substring(2) : trimmed, "ZZ")
                    .getNationalNumber());
        } catch (NumberParseException noCountryCode) {
            // Written nationally: the trunk prefix (0 in most countries) is not part of the number.
            digits = trimmed.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        }
        return digits.length() >= MIN_DIGITS ? Optional.of(digits) : Optional.empty();
    }
}
