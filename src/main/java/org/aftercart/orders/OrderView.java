package org.aftercart.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order as other modules, the API and pages read it.
 *
 * @param handedOverAt the location whose counter handed the order over (e.g. a store exchange's
 *     replacement taken from its shelf); {@code null} for an order that ships
 */
public record OrderView(
        OrderId id,
        String number,
        SalesChannel channel,
        @Nullable String externalRef,
        OrderStatus status,
        PaymentStatus paymentStatus,
        @Nullable String customerId,
        @Nullable String email,
        @Nullable String customerName,
        @Nullable ShippingAddress shipTo,
        Instant placedAt,
        @Nullable Instant packingStartedAt,
        boolean changeable,
        Money subtotal,
        Money shipping,
        Money tax,
        Money discount,
        Money total,
        List<Line> lines,
        long version,
        @Nullable String handedOverAt) {

    /** An order that ships (not handed over at a counter). */
    public OrderView(
            OrderId id,
            String number,
            SalesChannel channel,
            @Nullable String externalRef,
            OrderStatus status,
            PaymentStatus paymentStatus,
            @Nullable String customerId,
            @Nullable String email,
            @Nullable String customerName,
            @Nullable ShippingAddress shipTo,
            Instant placedAt,
            @Nullable Instant packingStartedAt,
            boolean changeable,
            Money subtotal,
            Money shipping,
            Money tax,
            Money discount,
            Money total,
            List<Line> lines,
            long version) {
        this(
                id,
                number,
                channel,
                externalRef,
                status,
                paymentStatus,
                customerId,
                email,
                customerName,
                shipTo,
                placedAt,
                packingStartedAt,
                changeable,
                subtotal,
                shipping,
                tax,
                discount,
                total,
                lines,
                version,
                null);
    }

    public record Line(UUID id, int lineNo, String sku, String title, Money unitPrice, LineQuantities quantities) {}

    static OrderView of(Order order) {
        List<OrderLine> lines = order.lines();
        List<Line> views = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            views.add(new Line(
                    line.id(),
                    i + 1,
                    line.sku(),
                    line.title(),
                    new Money(line.unitPrice(), order.currency()),
                    line.quantities()));
        }
        return new OrderView(
                order.id(),
                order.number(),
                order.channel(),
                order.externalRef(),
                order.status(),
                order.paymentStatus(),
                order.customerId() == null ? null : order.customerId().toString(),
                order.email(),
                order.customerName(),
                order.shipTo(),
                order.placedAt(),
                order.packingStartedAt(),
                order.status() == OrderStatus.PLACED && order.packingStartedAt() == null,
                order.subtotal(),
                order.shipping(),
                order.tax(),
                order.discount(),
                order.total(),
                views,
                order.version(),
                order.handedOverAt());
    }
}
