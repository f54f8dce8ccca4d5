package org.aftercart.conversations;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who the customer is, as the channel knows them: their id, or the e-mail address or phone number
 * they wrote or called from. The first one given wins; with none, the order's customer.
 */
public record CustomerReference(@Nullable UUID customerId, @Nullable String email, @Nullable String phone) {

    public static CustomerReference id(UUID customerId) {
        return new CustomerReference(customerId, null, null);
    }

    public static CustomerReference email(String email) {
        return new CustomerReference(null, email, null);
    }

    public static CustomerReference phone(String phone) {
        return new CustomerReference(null, null, phone);
    }

    boolean isEmpty() {
        return customerId == null && isBlank(email) && isBlank(phone);
    }

    static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
