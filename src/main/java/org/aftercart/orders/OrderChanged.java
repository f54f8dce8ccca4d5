package org.aftercart.orders;

import java.time.Instant;
import java.util.List;
import org.aftercart.shared.Money;

/**
 * A change before packing was accepted and journaled as {@code version}.
 *
 * @param priceDifference new total minus old total: positive is owed by the customer, negative is
 *     owed to the customer
 * @param lines every line after the change
 * @param settledByChannel the sales channel already charged or refunded the difference (e.g. an
 *     edit made in Shopify); payments only records it
 * @param changedAt when the change was accepted (the journal entry's time)
 */
public record OrderChanged(
        OrderId orderId,
        String number,
        long version,
        ChangeKind kind,
        String description,
        Money priceDifference,
        List<OrderLineSnapshot> lines,
        boolean settledByChannel,
        Instant changedAt) {}
