package org.aftercart.orders;

/** Where an order was taken. */
public enum SalesChannel {
    WEB,
    STORE,
    PHONE,
    MARKETPLACE
}
