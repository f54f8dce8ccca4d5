package org.aftercart.returns;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/** One row of a return list: enough to find a return and see where it stands, without its items. */
public record ReturnSummary(
        ReturnId id,
        String number,
        OrderId orderId,
        String orderNumber,
        @Nullable UUID customerId,
        @Nullable String customerEmail,
        ReturnChannel channel,
        ReturnMethod method,
        ReturnStatus status,
        Money value,
        Instant createdAt) {}
