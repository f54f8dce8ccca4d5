package org.aftercart.tracking;

import org.jspecify.annotations.Nullable;

/** Where a checkpoint happened, as far as the carrier says; country is ISO 3166-1 alpha-2 when known. */
public record EventLocation(
        @Nullable String city, @Nullable String region, @Nullable String postcode, @Nullable String country) {

    public boolean isEmpty() {
        return city == null && region == null && postcode == null && country == null;
    }
}
