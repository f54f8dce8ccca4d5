package org.aftercart.notifications.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A merchant's webhook endpoint as the API shows it: never with its secrets.
 *
 * @param eventTypes the event types it receives; empty: every type
 * @param disabledReason why it receives nothing (deleted, or it answered 410 Gone)
 * @param previousSecretValidUntil during a rotation: until when deliveries also carry the signature
 *     made with the previous secret
 */
record WebhookEndpoint(
        UUID id,
        String url,
        @Nullable String description,
        List<String> eventTypes,
        boolean enabled,
        @Nullable String disabledReason,
        @Nullable Instant previousSecretValidUntil,
        Instant createdAt,
        Instant updatedAt) {}
