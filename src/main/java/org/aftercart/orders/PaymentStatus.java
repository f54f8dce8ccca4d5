package org.aftercart.orders;

/** How far the order has been paid, as the channel or the payments module reports it. */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    PARTIALLY_PAID,
    PAID,
    PARTIALLY_REFUNDED,
    REFUNDED,
    VOIDED
}
