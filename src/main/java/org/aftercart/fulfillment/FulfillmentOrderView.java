package org.aftercart.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A fulfilment order as the API, the console and other modules read it. */
public record FulfillmentOrderView(
        UUID id,
        UUID orderId,
        String orderNumber,
        String locationCode,
        FulfillmentStatus status,
        Instant holdUntil,
        Instant createdAt,
        @Nullable Instant releasedAt,
        @Nullable Instant pickingAt,
        @Nullable Instant packingAt,
        @Nullable Instant shippedAt,
        List<Line> lines) {

    public record Line(UUID orderLineId, String sku, int quantity, int shipped) {}
}
