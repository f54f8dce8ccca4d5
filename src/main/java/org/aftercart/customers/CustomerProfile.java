package org.aftercart.customers;

import org.jspecify.annotations.Nullable;

/** What other modules may read of a customer. */
public record CustomerProfile(
        CustomerId id,
        @Nullable String email,
        @Nullable String name,
        @Nullable String phone,
        ContactChannel preferredChannel,
        String language,
        @Nullable String timeZone,
        @Nullable String country) {}
