package org.aftercart.returns;

import java.util.EnumSet;
import java.util.Set;

/**
 * The steps of a return. The allowed moves are the table in {@link #next()}; everything else is
 * refused with {@link ReturnStepNotAllowed}.
 */
public enum ReturnStatus {
    /** Asked for; waiting for approval (by rule or by a person). */
    REQUESTED,
    /** Accepted: the customer may send the items (or keeps them on a returnless refund). */
    APPROVED,
    REJECTED,
    /** The parcel is on its way back. */
    IN_TRANSIT,
    /** The items arrived and were checked, item by item. */
    RECEIVED,
    /** The refund is decided and being executed with the payment provider. */
    REFUND_PENDING,
    /** Every outcome executed: refunded, credited, exchanged. */
    RESOLVED,
    /** The provider refused the refund: someone must refund by hand, then mark it refunded. */
    MANUAL_REFUND_REQUIRED,
    CANCELLED;

    /** The statuses this one may move to. */
    public Set<ReturnStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(APPROVED, REJECTED, CANCELLED);
            // Approved straight to a refund or resolved: returnless (the customer keeps the items).
            case APPROVED -> EnumSet.of(IN_TRANSIT, RECEIVED, REFUND_PENDING, RESOLVED, CANCELLED);
            case IN_TRANSIT -> EnumSet.of(RECEIVED, CANCELLED);
            case RECEIVED -> EnumSet.of(REFUND_PENDING, RESOLVED);
            case REFUND_PENDING -> EnumSet.of(RESOLVED, MANUAL_REFUND_REQUIRED);
            case MANUAL_REFUND_REQUIRED -> EnumSet.of(RESOLVED);
            case REJECTED, RESOLVED, CANCELLED -> EnumSet.noneOf(ReturnStatus.class);
        };
    }

    public boolean canMoveTo(ReturnStatus target) {
        return next().contains(target);
    }

    /** Nothing happens to the return any more. */
    public boolean isFinal() {
        return next().isEmpty();
    }
}
