package org.aftercart.customers;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Contact details as a sales channel hands them over; the e-mail address (case-insensitive) is what
 * recognises a returning customer.
 */
public record ContactDetails(
        String email,
        @Nullable String name,
        @Nullable String phone,
        @Nullable ContactChannel preferredChannel,
        @Nullable String language,
        @Nullable String country) {

    public ContactDetails {
        email = email.trim().toLowerCase(Locale.ROOT);
    }

    public static ContactDetails email(String email, @Nullable String name) {
        return new ContactDetails(email, name, null, null, null, null);
    }
}
