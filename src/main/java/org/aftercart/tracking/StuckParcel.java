package org.aftercart.tracking;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A parcel on its way that needs a look: its status is a problem (delayed, exception, failed
 * attempt) or the carrier has not scanned it for a while.
 *
 * @param lastSeenAt its last checkpoint, or its shipping when it was never scanned
 */
public record StuckParcel(
        UUID shipmentId,
        UUID orderId,
        String orderNumber,
        String carrier,
        @Nullable String trackingNumber,
        TrackingStatus status,
        Instant shippedAt,
        Instant lastSeenAt) {}
