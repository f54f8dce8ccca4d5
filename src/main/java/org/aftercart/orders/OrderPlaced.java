package org.aftercart.orders;

import java.time.Instant;
import java.util.List;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A new order was accepted from a sales channel.
 *
 * @param handedOverAt the location whose counter hands the order over at once (its units leave that
 *     location's shelf, nothing ships); {@code null} for an order to fulfil
 */
public record OrderPlaced(
        OrderId orderId,
        String number,
        SalesChannel channel,
        @Nullable String customerId,
        Money total,
        PaymentStatus paymentStatus,
        List<OrderLineSnapshot> lines,
        Instant placedAt,
        @Nullable String handedOverAt) {

    /** An order to fulfil. */
    public OrderPlaced(
            OrderId orderId,
            String number,
            SalesChannel channel,
            @Nullable String customerId,
            Money total,
            PaymentStatus paymentStatus,
            List<OrderLineSnapshot> lines,
            Instant placedAt) {
        this(orderId, number, channel, customerId, total, paymentStatus, lines, placedAt, null);
    }
}
