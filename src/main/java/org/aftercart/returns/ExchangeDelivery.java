package org.aftercart.returns;

/** How the replacement of an exchange reaches the customer. */
public enum ExchangeDelivery {
    /** Reserved wherever it is in stock and shipped by a warehouse as a replacement order. */
    SHIPPED,
    /**
     * Taken from the shelf of the store the in-store return is brought to and handed over at its
     * counter: refused when that store has none, never shipped.
     */
    FROM_STORE_SHELF
}
