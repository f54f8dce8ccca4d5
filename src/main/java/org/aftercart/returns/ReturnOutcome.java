package org.aftercart.returns;

/** What the customer gets for a returned item. */
public enum ReturnOutcome {
    /** Money back to the original payment. */
    REFUND,
    /** Store credit (optionally with a bonus), booked by the wallet from {@link ReturnResolved}. */
    STORE_CREDIT,
    /** Another variant or product, shipped once the return is resolved. */
    EXCHANGE,
    /** Another variant or product, shipped at approval, secured by a payment hold until the return arrives. */
    INSTANT_EXCHANGE
}
