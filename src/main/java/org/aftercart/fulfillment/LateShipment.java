package org.aftercart.fulfillment;

import java.time.Instant;
import java.util.UUID;

/** A fulfilment order still at its location after its ship-by time, for the operations list. */
public record LateShipment(
        UUID fulfillmentOrderId,
        UUID orderId,
        String orderNumber,
        String locationCode,
        FulfillmentStatus status,
        Instant shipBy) {

    /** Whether {@link Fulfillment#release} can still hurry it to the warehouse. */
    public boolean releasable() {
        return status == FulfillmentStatus.ON_HOLD;
    }
}
