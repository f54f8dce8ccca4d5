package org.aftercart.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message to a customer will not reach them as it is: no usable address, a bounce, a provider
 * that refused it, or every retry failed. For the customer's timeline and the console.
 *
 * @param customerId {@code null} when the order had no customer
 */
public record MessageUndeliverable(
        UUID messageId,
        @Nullable UUID customerId,
        @Nullable UUID orderId,
        String kind,
        @Nullable String reason,
        Instant at) {}
