package org.aftercart.notifications;

/** Where a message is on its way to the customer. */
public enum MessageStatus {
    /** Waiting for its time: new, held for quiet hours or the digest window, or waiting to retry. */
    PENDING,
    /** Being handed to the provider. */
    SENDING,
    SENT,
    /** Will never go out as it is (no usable address, no template, refused by the provider): see reason. */
    UNDELIVERABLE,
    /** Deliberately not sent: no consent, the contact budget, or news already out of date. */
    SUPPRESSED,
    /** Sent as part of a digest with the other parcels of the order. */
    DIGESTED,
    /** Every automatic retry failed; an agent can retry it. */
    FAILED;

    public boolean isFinal() {
        return this != PENDING && this != SENDING;
    }
}
