package org.aftercart.orders;

import org.aftercart.shared.Money;

/** The whole order was cancelled before packing; {@code priceDifference} is minus the old total. */
public record OrderCancelled(OrderId orderId, String number, long version, String reason, Money priceDifference) {}
