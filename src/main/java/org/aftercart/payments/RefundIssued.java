package org.aftercart.payments;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.Money;

/**
 * The payment provider refunded money to the customer (refunds a sales channel made itself are only
 * recorded, and told by that channel).
 *
 * @param idempotencyKey names the fact the refund settles, e.g. {@code order:<id>:v3} or {@code
 *     return:<id>:refund}
 * @param refundedAt when the provider's answer was recorded
 */
public record RefundIssued(
        UUID orderId,
        String orderNumber,
        UUID transactionId,
        Money amount,
        String idempotencyKey,
        Instant refundedAt) {}
