package org.aftercart.wallet;

import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.shared.Money;

/**
 * Store credit granted to a customer.
 *
 * @param transactionId the ledger transaction that booked it
 * @param balanceAfter the customer's store credit in that currency right after the grant
 * @param replayed true when the idempotency key had been used before and nothing was written now
 */
public record StoreCreditGrant(
        UUID transactionId,
        CustomerId customer,
        Money amount,
        Money bonus,
        String reason,
        Money balanceAfter,
        boolean replayed) {}
