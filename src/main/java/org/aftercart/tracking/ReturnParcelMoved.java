package org.aftercart.tracking;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A parcel a customer sends back moved to another canonical status (picked up, in transit,
 * delivered to the merchant, …). Published instead of {@link ShipmentStatusChanged}, which is about
 * parcels going to the customer.
 */
public record ReturnParcelMoved(
        UUID parcelId,
        UUID returnId,
        String returnNumber,
        String carrier,
        String trackingNumber,
        TrackingStatus previous,
        TrackingStatus status,
        @Nullable String description,
        Instant occurredAt) {}
