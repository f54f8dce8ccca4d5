package org.aftercart.tracking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A parcel moved to another canonical status (in transit, out for delivery, delivered, delayed,
 * exception, ready for pickup, returning to sender, …), from a carrier event or an audited
 * correction.
 *
 * @param occurredAt when the carrier saw it (or when the correction was made)
 * @param correction whether an explicit correction, not the carrier's event flow, set it
 */
public record ShipmentStatusChanged(
        ShipmentView shipment,
        TrackingStatus previous,
        TrackingStatus status,
        @Nullable String description,
        Instant occurredAt,
        boolean correction) {}
