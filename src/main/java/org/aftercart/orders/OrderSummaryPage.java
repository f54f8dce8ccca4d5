package org.aftercart.orders;

import java.util.List;

/**
 * One page of an order search, newest first.
 *
 * @param page zero-based
 * @param hasNext whether a further page holds at least one more order
 */
public record OrderSummaryPage(List<OrderSummary> orders, int page, int size, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean isEmpty() {
        return orders.isEmpty();
    }
}
