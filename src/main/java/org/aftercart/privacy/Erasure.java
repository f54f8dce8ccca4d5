package org.aftercart.privacy;

import java.time.Instant;
import java.util.List;
import org.aftercart.customers.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * The record of an erasure, which holds no personal data.
 *
 * @param requestedBy who asked: {@code customer} or the staff member's sign-in (e.g. {@code
 *     admin@shop.example})
 * @param modules the modules whose data was erased or anonymised
 */
public record Erasure(
        CustomerId customerId, Instant erasedAt, String requestedBy, @Nullable String reason, List<String> modules) {

    public Erasure {
        modules = List.copyOf(modules);
    }
}
