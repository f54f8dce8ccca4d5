package org.aftercart.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The merchant's webhook destinations as the console manages them: the same endpoints, checks and
 * secrets as the webhook endpoints API ({@code /api/v1/webhook-endpoints}), never a secret after
 * it was shown once.
 */
public interface WebhookDestinationSettings {

    /** A destination without its secrets; no event types means every type. */
    record Destination(
            UUID id,
            String url,
            @Nullable String description,
            List<String> eventTypes,
            boolean enabled,
            @Nullable String disabledReason,
            Instant createdAt) {}

    /** A new destination and its signing secret, shown this once. */
    record Added(Destination destination, String secret) {}

    /** Every destination, enabled or not, oldest first. */
    List<Destination> list();

    /** The event types a destination may choose from. */
    List<String> eventTypes();

    /**
     * Adds a destination after the same checks as the API: an absolute http(s) URL, known event
     * types, and an address outside the network Aftercart runs in; refused with a 400 problem.
     */
    Added add(String url, @Nullable String description, List<String> eventTypes);

    /** Stops deliveries to it, keeping its history; false when there is no such destination. */
    boolean disable(UUID id, String reason);
}
