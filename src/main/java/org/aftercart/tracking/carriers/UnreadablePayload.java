package org.aftercart.tracking.carriers;

/** A payload that a parser refuses, with the reason in words an integrator can act on. */
public class UnreadablePayload extends RuntimeException {

    public UnreadablePayload(String reason) {
        super(reason);
    }
}
