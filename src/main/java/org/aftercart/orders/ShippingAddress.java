package org.aftercart.orders;

import org.jspecify.annotations.Nullable;

/** Where the parcels of an order go. */
public record ShippingAddress(
        @Nullable String name,
        @Nullable String line1,
        @Nullable String line2,
        @Nullable String city,
        @Nullable String postcode,
        @Nullable String region,
        @Nullable String country) {

    @Override
    public String toString() {
        return java.util.stream.Stream.of(name, line1, line2, postcode, city, region, country)
                .filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
