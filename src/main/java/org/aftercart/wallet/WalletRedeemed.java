package org.aftercart.wallet;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Wallet money was taken by a checkout (a hold was captured).
 *
 * @param customer the customer whose store credit paid, or null for a gift card
 * @param giftCardId the gift card that paid, or null for store credit
 * @param redeemedAt when the hold was captured
 */
public record WalletRedeemed(
        UUID holdId,
        @Nullable CustomerId customer,
        @Nullable UUID giftCardId,
        Money amount,
        UUID transactionId,
        Instant redeemedAt) {}
