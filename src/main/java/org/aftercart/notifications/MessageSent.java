package org.aftercart.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The provider took a message to a customer (not a webhook), for the customer's timeline.
 *
 * @param customerId {@code null} when the order had no customer
 */
public record MessageSent(
        UUID messageId, @Nullable UUID customerId, @Nullable UUID orderId, String kind, String channel, Instant at) {}
