package org.aftercart.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message as stored.
 *
 * @param purpose {@code TRANSACTIONAL}, {@code MARKETING} or {@code WEBHOOK}
 * @param facts what the causing fact said that cannot be read again later
 */
record MessageRow(
        UUID id,
        String kind,
        String purpose,
        String dedupeKey,
        @Nullable UUID customerId,
        @Nullable UUID orderId,
        @Nullable UUID shipmentId,
        Map<String, Object> facts,
        MessageStatus status,
        Instant dueAt,
        int attempts,
        @Nullable String channel,
        @Nullable String recipient,
        @Nullable String reason,
        Instant createdAt) {

    static final String WEBHOOK = "WEBHOOK";

    boolean webhook() {
        return WEBHOOK.equals(purpose);
    }

    /**
     * Its kind: a built-in one as declared, another module's as stored (its purpose; never urgent,
     * never a parcel milestone). Not for webhooks, which have an event type instead.
     */
    MessageKind messageKind() {
        return MessageKind.builtIn(kind)
                .orElseGet(() -> new MessageKind(kind, MessageKind.Purpose.valueOf(purpose), false, false));
    }

    boolean marketing() {
        return MessageKind.Purpose.MARKETING.name().equals(purpose);
    }
}
