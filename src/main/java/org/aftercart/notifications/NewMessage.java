package org.aftercart.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message to write in the transaction of the fact that causes it.
 *
 * @param channel and {@code recipient}: fixed at once for webhooks (the endpoint); {@code null}
 *     for customer messages, which are routed when they are due
 */
record NewMessage(
        String kind,
        String purpose,
        String dedupeKey,
        @Nullable UUID customerId,
        @Nullable UUID orderId,
        @Nullable UUID shipmentId,
        Map<String, Object> facts,
        Instant dueAt,
        @Nullable String channel,
        @Nullable String recipient) {

    static NewMessage of(
            MessageKind kind,
            String dedupeKey,
            @Nullable UUID customerId,
            @Nullable UUID orderId,
            @Nullable UUID shipmentId,
            Map<String, Object> facts,
            Instant dueAt) {
        return new NewMessage(
                kind.key(),
                kind.purpose().name(),
                dedupeKey,
                customerId,
                orderId,
                shipmentId,
                facts,
                dueAt,
                null,
                null);
    }
}
