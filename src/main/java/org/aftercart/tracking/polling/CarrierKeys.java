package org.aftercart.tracking.polling;

import java.util.Locale;

/**
 * Carrier names are compared by key: lower case, ASCII letters and digits only ({@code La Poste},
 * {@code la-poste} and {@code LAPOSTE} are one carrier). {@link #SQL} computes the same key in the
 * database.
 */
final class CarrierKeys {

    /** The key of column {@code s.carrier}, as {@link #of} computes it. */
    static final String SQL = "lower(regexp_replace(s.carrier, '[^A-Za-z0-9]', '', 'g'))";

    private CarrierKeys() {}

    static String of(String carrier) {
        return carrier.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
