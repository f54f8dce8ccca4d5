package org.aftercart.fulfillment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Late fulfilment orders and the shipped-on-time figure, read from this module's own tables. */
@Repository
class ShippingFigures {

    private static final String OPEN = "('ON_HOLD', 'RELEASED', 'PICKING', 'PACKING')";

    private final JdbcClient jdbc;
    private final FulfillmentSettings settings;
    private final Clock clock;

    ShippingFigures(JdbcClient jdbc, FulfillmentSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
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

    /** One fulfilment order in the form of the late list's rows, whatever its status now. */
    Optional<LateShipment> shipment(UUID id) {
        return jdbc.sql("select id, order_id, order_number, location_code, status, ship_by"
                        + " from fulfillment.fulfillment_orders where id = ?")
                .param(id)
                .query((rs, row) -> new LateShipment(
                        rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        rs.getString("location_code"),
                        FulfillmentStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("ship_by").toInstant()))
                .optional();
    }

    long countLate(Instant now) {
        return jdbc.sql("select count(*) from fulfillment.fulfillment_orders where status in " + OPEN
                        + " and ship_by < ?")
                .param(Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /**
     * One row per day with orders whose outcome was decided that day, days without any left out. An
     * order shipped in time counts on the day it shipped (it may leave before its ship-by day); one
     * that did not counts on its ship-by day, shipped late or not at all. Orders not shipped whose
     * ship-by time is still ahead are not decided yet. Shipped in time means every fulfilment order
     * of it shipped by its ship-by time; cancelled ones are not due.
     *
     * <p>An order shipped in time has its ship-by time within {@code ship-within} after shipping, so
     * the index on ship_by is scanned from {@code from} to {@code to} plus that window.
     */
    List<ShippingOnTime> onTime(Instant from, Instant to, ZoneId zone) {
        return jdbc.sql(
                        """
                        with orders as (
                            select order_id, min(ship_by) as ship_by, max(shipped_at) as shipped_at,
                                bool_and(status = 'SHIPPED' and shipped_at <= ship_by) as on_time
                            from fulfillment.fulfillment_orders
                            where ship_by >= :from and ship_by < :until and status <> 'CANCELLED'
                            group by order_id
                        ), decided as (
                            select on_time, case when on_time then shipped_at else ship_by end as decided_at
                            from orders
                            where on_time or ship_by < :now
                        )
                        select (decided_at at time zone :zone)::date as day, count(*) as due,
                            count(*) filter (where on_time) as on_time
                        from decided where decided_at >= :from and decided_at < :to
                        group by 1 order by 1
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("until", Timestamp.from(to.plus(settings.shipWithin())))
                .param("now", Timestamp.from(clock.instant()))
                .param("zone", zone.getId())
                .query((rs, row) -> new ShippingOnTime(
                        rs.getObject("day", LocalDate.class), rs.getLong("due"), rs.getLong("on_time")))
                .list();
    }
}
