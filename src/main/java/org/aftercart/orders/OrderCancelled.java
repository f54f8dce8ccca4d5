package org.aftercart.orders;

import java.time.Instant;
import org.aftercart.shared.Money;

/**
 * The whole order was cancelled before packing; {@code priceDifference} is minus the old total.
 *
 * @param settledByChannel the sales channel already refunded the customer; payments only records it
 * @param cancelledAt when the cancellation was accepted (the journal entry's time)
 */
public record OrderCancelled(
        OrderId orderId,
        String number,
        long version,
        String reason,
        Money priceDifference,
        boolean settledByChannel,
        Instant cancelledAt) {}
