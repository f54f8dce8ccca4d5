package org.aftercart.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.aftercart.customers.ContactDetails;
import org.jspecify.annotations.Nullable;

/**
 * A sales channel asks to take an order.
 *
 * @param externalRef the channel's own id for the order (e.g. a Shopify order id); an order is taken
 *     once per channel and external reference
 * @param customer who ordered; {@code null} for an anonymous store sale
 * @param placedAt when the channel took it; now when {@code null}
 */
public record PlaceOrder(
        SalesChannel channel,
        @Nullable String externalRef,
        @Nullable ContactDetails customer,
        String currency,
        List<Line> lines,
        @Nullable ShippingAddress shipTo,
        PaymentStatus paymentStatus,
        @Nullable BigDecimal shipping,
        @Nullable BigDecimal tax,
        @Nullable BigDecimal discount,
        @Nullable Instant placedAt) {

    /**
     * @param unitPrice the price the channel charged; the catalog price when {@code null}
     * @param title the channel's title; the catalog's when {@code null}
     */
    public record Line(String sku, int quantity, @Nullable BigDecimal unitPrice, @Nullable String title) {}
}
