package org.aftercart.conversations;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An internal note staff left on a customer; the customer never sees it. */
public record CustomerNote(
        UUID id, UUID customerId, @Nullable UUID orderId, String body, String author, Instant createdAt) {}
