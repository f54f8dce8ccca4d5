package org.aftercart.payments;

import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/** What {@link Payments#hold}, {@link Payments#releaseHold} or {@link Payments#captureHold} did. */
public record HoldOutcome(boolean succeeded, Money amount, @Nullable String failureReason) {

    static HoldOutcome of(PaymentTransaction transaction) {
        boolean succeeded = transaction.status() == PaymentTransaction.Status.SUCCEEDED;
        return new HoldOutcome(succeeded, transaction.amount(), succeeded ? null : transaction.failureReason());
    }
}
