package org.aftercart.orders;

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
 */
public record OrderChanged(
        OrderId orderId,
        String number,
        long version,
        ChangeKind kind,
        String description,
        Money priceDifference,
        List<OrderLineSnapshot> lines,
        boolean settledByChannel) {}
