package org.aftercart.wallet;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.shared.Money;

/** Store credit was granted (published once per idempotency key, in the granting transaction). */
public record StoreCreditGranted(
        CustomerId customer,
        Money amount,
        Money bonus,
        String reason,
        UUID transactionId,
        Money balanceAfter,
        String idempotencyKey,
        Instant grantedAt) {}
