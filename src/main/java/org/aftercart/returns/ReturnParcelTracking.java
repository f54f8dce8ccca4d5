package org.aftercart.returns;

import java.util.EnumSet;
import java.util.Set;
import org.aftercart.tracking.ReturnParcelMoved;
import org.aftercart.tracking.TrackingStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the return parcel as tracking reports it: the return moves to in transit when the
 * carrier reports the parcel moving, and its timeline notes when the parcel reaches the merchant.
 * After the tracking transaction commits, through the event publication registry; redeliveries
 * change nothing twice.
 */
@Component
class ReturnParcelTracking {

    private static final Set<TrackingStatus> MOVING = EnumSet.of(
            TrackingStatus.IN_TRANSIT,
            TrackingStatus.DELAYED,
            TrackingStatus.OUT_FOR_DELIVERY,
            TrackingStatus.READY_FOR_PICKUP,
            TrackingStatus.ATTEMPT_FAILED,
            TrackingStatus.DELIVERED);

    private final Returns returns;

    ReturnParcelTracking(Returns returns) {
        this.returns = returns;
    }

    @ApplicationModuleListener
    void on(ReturnParcelMoved moved) {
        returns.parcelMoved(
                new ReturnId(moved.returnId()),
                moved.carrier(),
                moved.status().name(),
                MOVING.contains(moved.status()),
                moved.status() == TrackingStatus.DELIVERED,
                moved.occurredAt());
    }
}
