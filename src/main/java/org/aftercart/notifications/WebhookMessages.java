package org.aftercart.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.aftercart.notifications.webhooks.WebhookOutbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries as rows of the messages table: channel {@code WEBHOOK}, the endpoint as
 * recipient and the JSON body, as sent, in the facts. {@link Dispatcher} sends them as they are.
 */
@Component
class WebhookMessages implements WebhookOutbox {

    private final Messages messages;

    WebhookMessages(Messages messages) {
        this.messages = messages;
    }

    @Override
    public boolean add(
            String eventType,
            String dedupeKey,
            UUID endpointId,
            String body,
            @Nullable UUID orderId,
            @Nullable UUID shipmentId,
            Instant dueAt) {
        return messages.add(new NewMessage(
                eventType,
                MessageRow.WEBHOOK,
                dedupeKey,
                null,
                orderId,
                shipmentId,
                Map.of("body", body),
                dueAt,
                MessageRow.WEBHOOK,
                endpointId.toString()));
    }
}
