package org.aftercart.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The customer opened a message, or clicked a link in it, for the first time (later opens and
 * clicks are counted on the message, not announced again).
 *
 * @param clicked a first click; otherwise a first open
 */
public record MessageEngaged(
        UUID messageId, @Nullable UUID customerId, @Nullable UUID orderId, String kind, boolean clicked, Instant at) {}
