package org.aftercart.orders;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.aftercart.platform.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The rules that derive an order's payment status from its line buckets, and their bulk form:
 * recomputes, after a bulk change of line buckets, the status of the orders concerned with {@link
 * OrderStatus#derive} (the one place that derives it) and their payment status from the refunded
 * units. Works on the sums of the buckets, which is all {@code derive} looks at.
 */
@Component
class DerivedStatuses {

    private record Derived(UUID orderId, OrderStatus status, PaymentStatus paymentStatus) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DerivedStatuses(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Refreshes the orders whose ids are in the temporary table {@code orderIdsTable (order_id)}. */
    void refresh(String orderIdsTable) {
        List<Derived> derived = jdbc.sql(
                        """
                        select o.id, o.payment_status, o.packing_started_at is not null as packing_started,
                            sum(l.ordered) as ordered, sum(l.cancelled) as cancelled, sum(l.fulfilled) as fulfilled,
                            sum(l.shipped) as shipped, sum(l.delivered) as delivered,
                            sum(l.return_requested) as return_requested, sum(l.returned) as returned,
                            sum(l.refunded) as refunded
                        from orders.orders o join orders.order_lines l on l.order_id = o.id
                        where o.id in (select order_id from %s)
                        group by o.id
                        """
                                .formatted(orderIdsTable))
                .query((rs, row) -> {
                    var sums = new LineQuantities(
                            rs.getInt("ordered"),
                            rs.getInt("cancelled"),
                            rs.getInt("fulfilled"),
                            rs.getInt("shipped"),
                            rs.getInt("delivered"),
                            rs.getInt("return_requested"),
                            rs.getInt("returned"),
                            rs.getInt("refunded"));
                    return new Derived(
                            rs.getObject("id", UUID.class),
                            OrderStatus.derive(List.of(sums), rs.getBoolean("packing_started")),
                            paymentStatus(PaymentStatus.valueOf(rs.getString("payment_status")), sums));
                })
                .list();
        jdbc.sql(
                        """
                        create temp table if not exists import_derived_statuses (
                            id uuid, status text, payment_status text
                        ) on commit drop;
                        truncate import_derived_statuses
                        """)
                .update();
        try (CopyWriter copy = CopyWriter.open(
                DataSourceUtils.getConnection(dataSource),
                "import_derived_statuses",
                "id",
                "status",
                "payment_status")) {
            derived.forEach(order -> copy.value(order.orderId())
                    .value(order.status().name())
                    .value(order.paymentStatus().name())
                    .endRow());
            copy.finish();
        }
        jdbc.sql(
                        """
                        update orders.orders o set status = d.status, payment_status = d.payment_status,
                            version = o.version + 1
                        from import_derived_statuses d
                        where o.id = d.id and (o.status <> d.status or o.payment_status <> d.payment_status)
                        """)
                .update();
    }

    /**
     * The payment status once units were refunded: partly or wholly refunded, for an order that was
     * paid. Also applied to single orders by {@link Order#refreshStatus()}.
     */
    static PaymentStatus paymentStatus(PaymentStatus current, LineQuantities sums) {
        if (sums.refunded() == 0 || (current != PaymentStatus.PAID && current != PaymentStatus.PARTIALLY_REFUNDED)) {
            return current;
        }
        return sums.refunded() >= sums.active() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    }
}
