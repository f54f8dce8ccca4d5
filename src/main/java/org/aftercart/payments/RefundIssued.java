package org.aftercart.payments;

import java.util.UUID;
import org.aftercart.shared.Money;

/**
 * The payment provider refunded money to the customer (refunds a sales channel made itself are only
 * recorded, and told by that channel).
 */
public record RefundIssued(UUID orderId, String orderNumber, UUID transactionId, Money amount) {}
