package org.aftercart.customers;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a customer chose to tell about themselves, for personalisation and timed offers.
 *
 * @param birthday {@code null} when not given
 * @param favouriteCategories categories of the catalog, in the customer's order, without repeats
 */
public record ProfileDetails(@Nullable Birthday birthday, List<String> favouriteCategories) {

    public ProfileDetails {
        favouriteCategories = List.copyOf(favouriteCategories);
    }

    public static ProfileDetails none() {
        return new ProfileDetails(null, List.of());
    }
}
