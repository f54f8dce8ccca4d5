package org.aftercart.payments;

import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Payments#refund} did.
 *
 * @param amount what was (or is being) refunded: the amount asked for, or less when less is still paid
 * @param transactionId the movement's id; {@code null} when nothing was refunded
 */
public record RefundOutcome(Status status, Money amount, @Nullable UUID transactionId, @Nullable String failureReason) {

    public enum Status {
        REFUNDED,
        /** Written but not finished (another call with the same key is under way); ask again later. */
        PENDING,
        /** The provider refused or failed: someone must refund by hand. */
        MANUAL_ACTION_REQUIRED,
        /** Nothing was captured for the order, or everything is already refunded. */
        NOTHING_TO_REFUND
    }

    public boolean refunded() {
        return status == Status.REFUNDED;
    }
}
