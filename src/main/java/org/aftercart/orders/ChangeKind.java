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
    PAYMENT_UPDATED
}
