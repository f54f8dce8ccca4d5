package org.aftercart.orders;

import java.util.Collection;

/**
 * The order-level status. It is never set by hand: {@link #derive} computes it from the line
 * buckets, and this is the only place that does.
 */
public enum OrderStatus {
    /** Taken, nothing packed or shipped yet; still changeable unless packing has started. */
    PLACED,
    /** Packing has started at a location; no more changes. */
    IN_FULFILMENT,
    PARTIALLY_SHIPPED,
    SHIPPED,
    PARTIALLY_DELIVERED,
    DELIVERED,
    PARTIALLY_RETURNED,
    RETURNED,
    CANCELLED;

    public static OrderStatus derive(Collection<LineQuantities> lines, boolean packingStarted) {
        int active = 0, shipped = 0, delivered = 0, returned = 0;
        for (LineQuantities line : lines) {
            active += line.active();
            shipped += line.shipped();
            delivered += line.delivered();
            returned += line.returned();
        }
        if (active == 0) {
            return CANCELLED;
        }
        if (returned > 0) {
            return returned >= active ? RETURNED : PARTIALLY_RETURNED;
        }
        if (delivered > 0) {
            return delivered >= active ? DELIVERED : PARTIALLY_DELIVERED;
        }
        if (shipped > 0) {
            return shipped >= active ? SHIPPED : PARTIALLY_SHIPPED;
        }
        return packingStarted ? IN_FULFILMENT : PLACED;
    }
}
