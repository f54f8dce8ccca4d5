package org.aftercart.returns;

/** Where the return was asked for. */
public enum ReturnChannel {
    /** The customer, in the self-service returns portal. */
    PORTAL,
    /** A store associate, at the counter. */
    STORE,
    /** A support agent, for the customer. */
    AGENT,
    /** An integration through the REST API. */
    API
}
