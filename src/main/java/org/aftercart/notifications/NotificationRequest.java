package org.aftercart.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * Another module asks for a message to a customer (a review request, a birthday offer): it goes
 * through the same routing, quiet hours, consent and contact budget as every other message.
 *
 * @param dedupeKey names the fact, so that asking twice sends once, e.g. {@code review:<order>}
 * @param facts what the templates show besides the order ({@code ${m.facts.code}})
 * @param notBefore not sent before this; now when {@code null}
 */
public record NotificationRequest(
        MessageKind kind,
        String dedupeKey,
        CustomerId customer,
        @Nullable UUID orderId,
        Map<String, Object> facts,
        @Nullable Instant notBefore) {}
