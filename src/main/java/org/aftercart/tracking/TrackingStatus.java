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
    CANCELLED
}
