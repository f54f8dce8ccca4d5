package org.aftercart.payments;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/** One money movement with a provider, as the console shows it. */
public record PaymentTransaction(
        UUID id,
        UUID orderId,
        Kind kind,
        Money amount,
        String provider,
        Status status,
        @Nullable String providerReference,
        @Nullable String failureReason,
        String idempotencyKey,
        Instant createdAt) {

    public enum Kind {
        /** The order's payment, taken by the channel or the provider. */
        CAPTURE,
        /** An extra amount after a change made the order dearer. */
        CHARGE,
        REFUND,
        /** An amount held (authorised, not taken) on the customer's payment, e.g. to secure an instant exchange. */
        HOLD,
        /** A hold given back: nothing is taken. */
        HOLD_RELEASE,
        /** A hold taken: the held amount is paid. */
        HOLD_CAPTURE
    }

    public enum Status {
        PENDING,
        SUCCEEDED,
        FAILED,
        /** The provider refused a refund: someone must refund by hand; shown in the console. */
        MANUAL_ACTION_REQUIRED
    }
}
