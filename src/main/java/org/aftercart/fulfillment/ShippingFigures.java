package org.aftercart.fulfillment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Late fulfilment orders and the shipped-on-time figure, read from this module's own tables. */
@Repository
class ShippingFigures {

    private static final String OPEN = "('ON_HOLD', 'RELEASED', 'PICKING', 'PACKING')";

    private final JdbcClient jdbc;

    ShippingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest ship-by first: the most overdue at the top (index fulfillment_orders_late_idx). */
    List<LateShipment> late(Instant now, int offset, int limit) {
        return jdbc.sql("select id, order_id, order_number, location_code, status, ship_by"
                        + " from fulfillment.fulfillment_orders where status in " + OPEN
                        + " and ship_by < ? order by ship_by, id limit ? offset ?")
                .params(Timestamp.from(now), limit, offset)
                .query((rs, row) -> new LateShipment(
                        rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        rs.getString("location_code"),
                        FulfillmentStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("ship_by").toInstant()))
                .list();
    }

    long countLate(Instant now) {
        return jdbc.sql("select count(*) from fulfillment.fulfillment_orders where status in " + OPEN
                        + " and ship_by < ?")
                .param(Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** One row per day with orders due; days without any are left out. */
    List<ShippingOnTime> onTime(Instant from, Instant to, ZoneId zone) {
        return jdbc.sql(
                        """
                        with due as (
                            select order_id, min(ship_by) as ship_by,
                                bool_and(status = 'SHIPPED' and shipped_at <= ship_by) as on_time
                            from fulfillment.fulfillment_orders
                            where ship_by >= :from and ship_by < :to and status <> 'CANCELLED'
                            group by order_id
                        )
                        select (ship_by at time zone :zone)::date as day, count(*) as due,
                            count(*) filter (where on_time) as on_time
                        from due group by 1 order by 1
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("zone", zone.getId())
                .query((rs, row) -> new ShippingOnTime(
                        rs.getObject("day", LocalDate.class), rs.getLong("due"), rs.getLong("on_time")))
                .list();
    }
}
