package org.aftercart.orders;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a newly placed order in two statements (the order, then all its lines at once). Order
 * intake is the hottest path of the system, and a generic aggregate save costs several times
 * more here; reads and later changes still go through {@link OrderRepository}, which maps the
 * same columns (the line number is the position in the order's list, version starts at 1).
 */
@Repository
class NewOrders {

    static final long FIRST_VERSION = 1;

    private final JdbcClient jdbc;

    NewOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Order order) {
        ShippingAddress to = order.shipTo();
        jdbc.sql(
                        """
                        insert into orders.orders (id, number, channel, external_ref, customer_id, email, customer_name,
                            currency, status, payment_status, shipping_amount, tax_amount, discount_amount,
                            ship_to_name, ship_to_line1, ship_to_line2, ship_to_city, ship_to_postcode, ship_to_region,
                            ship_to_country, placed_at, packing_started_at, historical, handed_over_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, false, ?, ?)
                        """)
                .params(
                        order.id().id(),
                        order.number(),
                        order.channel().name(),
                        order.externalRef(),
                        order.customerId(),
                        order.email(),
                        order.customerName(),
                        order.currency().getCurrencyCode(),
                        order.status().name(),
                        order.paymentStatus().name(),
                        order.shipping().amount(),
                        order.tax().amount(),
                        order.discount().amount(),
                        to == null ? null : to.name(),
                        to == null ? null : to.line1(),
                        to == null ? null : to.line2(),
                        to == null ? null : to.city(),
                        to == null ? null : to.postcode(),
                        to == null ? null : to.region(),
                        to == null ? null : to.country(),
                        Timestamp.from(order.placedAt()),
                        order.handedOverAt(),
                        order.version())
                .update();
        List<OrderLine> lines = order.lines();
        jdbc.sql(
                        """
                        insert into orders.order_lines (order_id, id, line_no, sku, title, unit_price, ordered)
                        select ?, * from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::numeric[], ?::int[])
                        """)
                .params(
                        order.id().id(),
                        lines.stream().map(OrderLine::id).toArray(UUID[]::new),
                        IntStream.range(0, lines.size()).boxed().toArray(Integer[]::new),
                        lines.stream().map(OrderLine::sku).toArray(String[]::new),
                        lines.stream().map(OrderLine::title).toArray(String[]::new),
                        lines.stream().map(OrderLine::unitPrice).toArray(BigDecimal[]::new),
                        lines.stream().map(line -> line.quantities().ordered()).toArray(Integer[]::new))
                .update();
    }
}
