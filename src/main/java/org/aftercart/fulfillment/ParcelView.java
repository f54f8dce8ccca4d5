package org.aftercart.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A box that left a location: its carrier, tracking number and the items in it. */
public record ParcelView(
        UUID id,
        UUID orderId,
        @Nullable UUID fulfillmentOrderId,
        String carrier,
        @Nullable String service,
        @Nullable String trackingNumber,
        Instant shippedAt,
        List<Item> items) {

    public record Item(UUID orderLineId, String sku, int quantity) {}
}
