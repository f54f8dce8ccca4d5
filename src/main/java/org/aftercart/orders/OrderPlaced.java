package org.aftercart.orders;

import java.time.Instant;
import java.util.List;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/** A new order was accepted from a sales channel. */
public record OrderPlaced(
        OrderId orderId,
        String number,
        SalesChannel channel,
        @Nullable String customerId,
        Money total,
        PaymentStatus paymentStatus,
        List<OrderLineSnapshot> lines,
        Instant placedAt) {}
