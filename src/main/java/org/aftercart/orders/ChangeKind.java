package org.aftercart.orders;

/** What a journal entry records. */
public enum ChangeKind {
    PLACED,
    SHIPPING_ADDRESS_CHANGED,
    VARIANT_CHANGED,
    QUANTITY_CHANGED,
    ITEM_ADDED,
    ITEM_REMOVED,
    CANCELLED,
    PACKING_STARTED,
    SHIPPED,
    DELIVERED,
    PAYMENT_UPDATED,
    /** Units asked back by a return request. */
    RETURN_REQUESTED,
    /** A return request was cancelled or rejected: its units are no longer asked back. */
    RETURN_RELEASED,
    /** Returned units arrived (or are kept by the customer on a returnless refund). */
    RETURNED,
    /** Returned units were refunded to the original payment. */
    REFUNDED
}
