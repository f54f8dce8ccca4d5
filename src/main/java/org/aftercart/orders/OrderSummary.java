package org.aftercart.orders;

import java.time.Instant;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/** One row of an order list: enough to find an order and see where it stands, without its lines. */
public record OrderSummary(
        OrderId id,
        String number,
        SalesChannel channel,
        Instant placedAt,
        @Nullable String customerName,
        @Nullable String email,
        OrderStatus status,
        PaymentStatus paymentStatus,
        Money total) {}
