package org.aftercart.fulfillment;

/** Steps of a fulfilment order at one location. */
public enum FulfillmentStatus {
    /** Inside the hold window after purchase: the warehouse does not see it yet. */
    ON_HOLD,
    RELEASED,
    PICKING,
    /** Packing started: the order's edit window is closed. */
    PACKING,
    SHIPPED,
    CANCELLED
}
