package org.aftercart.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.aftercart.orders.OrderView;
import org.aftercart.shared.Money;

/**
 * The money rules of returns. Amounts are always computed here from what the order says was paid,
 * never taken from a client; rounding is always down, so a return never gives back more than was
 * paid.
 */
final class ReturnMoney {

    private ReturnMoney() {}

    /**
     * What the customer paid for one unit of a line: its price plus its share of the order's tax, less
     * its share of the order's discount, in proportion to the line's price. Shipping is not refunded.
     */
    static Money paidPerUnit(OrderView order, OrderView.Line line) {
        BigDecimal subtotal = order.subtotal().amount();
        if (subtotal.signum() == 0) {
            return Money.zero(line.unitPrice().currency());
        }
        BigDecimal paidForGoods =
                order.subtotal().plus(order.tax()).minus(order.discount()).amount();
        int scale = Math.max(line.unitPrice().currency().getDefaultFractionDigits(), 0);
        BigDecimal unit = line.unitPrice()
                .amount()
                .multiply(paidForGoods)
                .divide(subtotal, scale, RoundingMode.DOWN)
                .max(BigDecimal.ZERO);
        return new Money(unit, line.unitPrice().currency());
    }

    /** The bonus on store credit, e.g. 10 % of 40.00 = 4.00. */
    static Money bonus(Money credit, BigDecimal percent) {
        int scale = Math.max(credit.currency().getDefaultFractionDigits(), 0);
        return new Money(
                credit.amount().multiply(percent).divide(BigDecimal.valueOf(100), scale, RoundingMode.DOWN),
                credit.currency());
    }
}
