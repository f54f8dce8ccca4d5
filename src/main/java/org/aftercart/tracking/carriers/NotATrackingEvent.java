package org.aftercart.tracking.carriers;

/**
 * A well-formed event about something other than tracking (an EasyPost {@code batch.created}, say):
 * nothing to take in, and nothing wrong with it either, so a webhook acknowledges it rather than
 * refusing it and being sent it again.
 */
public class NotATrackingEvent extends UnreadablePayload {

    public NotATrackingEvent(String reason) {
        super(reason);
    }
}
