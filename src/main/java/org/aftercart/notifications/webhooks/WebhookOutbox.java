package org.aftercart.notifications.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes a webhook delivery as a message, in the caller's transaction; the dispatcher delivers it
 * after commit, with retries, like every other message. Implemented where the messages table is.
 */
public interface WebhookOutbox {

    /**
     * One delivery of {@code body} to an endpoint, once per {@code dedupeKey}; returns whether it was new.
     *
     * @param orderId and {@code shipmentId}: what it is about, so an agent can find it
     */
    boolean add(
            String eventType,
            String dedupeKey,
            UUID endpointId,
            String body,
            @Nullable UUID orderId,
            @Nullable UUID shipmentId,
            Instant dueAt);
}
