package org.aftercart.returns;

/** How the items come back. */
public enum ReturnMethod {
    /** Posted by the customer, with a prepaid label. */
    MAIL,
    /** Handed in at a carrier's drop-off point. */
    DROP_OFF,
    /** Brought to one of the merchant's stores, where an associate receives and resolves it. */
    IN_STORE
}
