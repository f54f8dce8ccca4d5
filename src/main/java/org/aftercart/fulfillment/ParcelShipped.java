package org.aftercart.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A parcel was handed to a carrier; the tracking module follows it from here. */
public record ParcelShipped(
        UUID parcelId,
        UUID orderId,
        String orderNumber,
        String locationCode,
        String carrier,
        @Nullable String service,
        @Nullable String trackingNumber,
        List<ParcelView.Item> items,
        Instant shippedAt) {}
