package org.aftercart.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.LineQuantities;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.SalesChannel;
import org.aftercart.shared.Money;

/** Order views for unit tests of the money rules. */
final class OrderViews {

    private OrderViews() {}

    /** An order whose first line has the unit price, and whose lines add up to the subtotal. */
    static OrderView order(BigDecimal unit, BigDecimal subtotal, BigDecimal tax, BigDecimal discount) {
        Money unitPrice = Money.of(unit, "EUR");
        int units = subtotal.divide(unit, 0, RoundingMode.DOWN).intValue();
        var line = new OrderView.Line(UUID.randomUUID(), 1, "A-1", "Item", unitPrice, LineQuantities.ordered(units));
        Money sub = Money.of(subtotal, "EUR");
        return new OrderView(
                new OrderId(UUID.randomUUID()),
                "AC-1",
                SalesChannel.WEB,
                null,
                OrderStatus.DELIVERED,
                PaymentStatus.PAID,
                null,
                null,
                null,
                null,
                Instant.EPOCH,
                null,
                false,
                sub,
                Money.zero(sub.currency()),
                Money.of(tax, "EUR"),
                Money.of(discount, "EUR"),
                sub.plus(Money.of(tax, "EUR")).minus(Money.of(discount, "EUR")),
                List.of(line),
                1);
    }
}
