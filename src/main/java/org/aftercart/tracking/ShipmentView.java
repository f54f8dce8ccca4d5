package org.aftercart.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A parcel as tracking sees it: where it is, what is in it, and what was promised. */
public record ShipmentView(
        UUID id,
        UUID orderId,
        String orderNumber,
        String carrier,
        @Nullable String service,
        @Nullable String trackingNumber,
        TrackingStatus status,
        @Nullable Instant statusAt,
        Instant shippedAt,
        @Nullable Instant deliveredAt,
        @Nullable DeliveryPromise promise,
        @Nullable Instant delayedSince,
        @Nullable String delayReason,
        @Nullable String destinationCountry,
        List<Item> items) {

    public ShipmentView {
        items = List.copyOf(items);
    }

    public record Item(UUID orderLineId, String sku, int quantity) {}

    /**
     * The delivery date range promised to the customer.
     *
     * @param basis where the range comes from: {@code learned} (the merchant's own deliveries), {@code
     *     carrier} (the carrier's estimate) or {@code default} (the configured range)
     */
    public record DeliveryPromise(LocalDate earliest, LocalDate latest, String basis) {}
}
