package org.aftercart.wallet;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Wallet money set aside for a checkout.
 *
 * @param customer the customer whose store credit is held, or null for a gift card
 * @param giftCardLastFour the held gift card's last four characters, or null for store credit
 * @param captured what was taken, once CAPTURED (the rest went back to the source)
 * @param replayed true when the idempotency key had been used before and nothing was written now
 */
public record WalletHold(
        UUID id,
        @Nullable CustomerId customer,
        @Nullable String giftCardLastFour,
        Money amount,
        @Nullable Money captured,
        Status status,
        Instant expiresAt,
        boolean replayed) {

    public enum Status {
        /** The amount is set aside and may be captured or voided until the hold expires. */
        AUTHORISED,
        /** Taken (all or part); what was not taken went back to the source. */
        CAPTURED,
        /** Given back to the source by the checkout. */
        VOIDED,
        /** Not captured in time: given back to the source by the expiry job. */
        EXPIRED
    }
}
