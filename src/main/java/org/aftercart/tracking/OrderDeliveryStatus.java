package org.aftercart.tracking;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Where an order's parcels are, taken together: derived from the parcels' statuses, in one place. */
public enum OrderDeliveryStatus {
    NOT_SHIPPED,
    LABEL_CREATED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    READY_FOR_PICKUP,
    PARTIALLY_DELIVERED,
    DELIVERED,
    /** At least one parcel is late, failed an attempt, is in trouble or is going back. */
    NEEDS_ATTENTION,
    CANCELLED;

    private static final Set<TrackingStatus> TROUBLE = EnumSet.of(
            TrackingStatus.DELAYED,
            TrackingStatus.ATTEMPT_FAILED,
            TrackingStatus.EXCEPTION,
            TrackingStatus.RETURNING_TO_SENDER);

    /** The status of an order whose parcels these are. */
    public static OrderDeliveryStatus of(Collection<ShipmentView> parcels) {
        return derive(parcels.stream().map(ShipmentView::status).toList());
    }

    public static OrderDeliveryStatus derive(Collection<TrackingStatus> parcels) {
        var live = parcels.stream().filter(s -> s != TrackingStatus.CANCELLED).toList();
        if (parcels.isEmpty()) {
            return NOT_SHIPPED;
        }
        if (live.isEmpty()) {
            return CANCELLED;
        }
        long delivered =
                live.stream().filter(s -> s == TrackingStatus.DELIVERED).count();
        if (delivered == live.size()) {
            return DELIVERED;
        }
        if (live.stream().anyMatch(TROUBLE::contains)) {
            return NEEDS_ATTENTION;
        }
        if (delivered > 0) {
            return PARTIALLY_DELIVERED;
        }
        // The parcel furthest behind says when the whole order can be expected.
        if (live.contains(TrackingStatus.NO_INFO) || live.contains(TrackingStatus.LABEL_CREATED)) {
            return LABEL_CREATED;
        }
        if (live.contains(TrackingStatus.IN_TRANSIT)) {
            return IN_TRANSIT;
        }
        if (live.contains(TrackingStatus.OUT_FOR_DELIVERY)) {
            return OUT_FOR_DELIVERY;
        }
        return READY_FOR_PICKUP;
    }
}
