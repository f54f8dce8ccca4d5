package org.aftercart.notifications;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Phone numbers as customers type them, checked and written in E.164 (+447700900123) for SMS. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /**
     * The number in E.164 when it is a valid number that can receive texts; {@code country} (ISO
     * 3166 alpha-2) reads numbers written without their country code.
     */
    static Optional<String> mobileE164(@Nullable String raw, @Nullable String country) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw, country == null ? "ZZ" : country.toUpperCase(Locale.ROOT));
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
            boolean textable = type == PhoneNumberUtil.PhoneNumberType.MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return textable
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException unreadable) {
            return Optional.empty();
        }
    }
}
