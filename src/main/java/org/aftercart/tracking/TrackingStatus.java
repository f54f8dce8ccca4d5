package org.aftercart.tracking;

/** The one status vocabulary of Aftercart; every carrier's codes map onto it. */
public enum TrackingStatus {
    NO_INFO,
    LABEL_CREATED,
    IN_TRANSIT,
    DELAYED,
    OUT_FOR_DELIVERY,
    READY_FOR_PICKUP,
    ATTEMPT_FAILED,
    DELIVERED,
    RETURNING_TO_SENDER,
    EXCEPTION,
    CANCELLED;

    /**
     * A parcel never leaves a final status through carrier events (a late "in transit" never undoes
     * "delivered"); only an audited correction does.
     */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED || this == RETURNING_TO_SENDER;
    }
}
