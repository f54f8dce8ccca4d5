package org.aftercart.notifications.webhooks;

import java.time.Instant;

/**
 * A webhook's body (docs/webhooks.md).
 *
 * @param type the event type, e.g. {@code order.placed}
 * @param timestamp when the fact happened (ISO-8601)
 * @param data one of {@link EventData}'s shapes
 */
record WebhookEvent(String type, Instant timestamp, Object data) {}
