package org.aftercart.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stuck parcels and the delivery figures, read from this module's own tables. */
@Repository
class TrackingFigures {

    /** Parcels on their way (the partial index shipments_stuck_idx has the same condition). */
    private static final String ON_THE_WAY =
            "delivered_at is null" + " and status not in ('DELIVERED', 'CANCELLED', 'RETURNING_TO_SENDER')";

    private static final String STUCK = ON_THE_WAY
            + " and (status in ('DELAYED', 'EXCEPTION', 'ATTEMPT_FAILED')"
            + " or coalesce(last_event_at, shipped_at) < :silentSince)";

    private final JdbcClient jdbc;

    TrackingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Longest silent first. */
    List<StuckParcel> stuck(Instant silentSince, int offset, int limit) {
        return jdbc.sql("select id, order_id, order_number, carrier, tracking_number, status, shipped_at,"
                        + " coalesce(last_event_at, shipped_at) as last_seen from tracking.shipments where "
                        + STUCK + " order by coalesce(last_event_at, shipped_at), id limit :limit offset :offset")
                .param("silentSince", Timestamp.from(silentSince))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new StuckParcel(
                        rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        rs.getString("carrier"),
                        rs.getString("tracking_number"),
                        TrackingStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("shipped_at").toInstant(),
                        rs.getTimestamp("last_seen").toInstant()))
                .list();
    }

    long countStuck(Instant silentSince) {
        return jdbc.sql("select count(*) from tracking.shipments where " + STUCK)
                .param("silentSince", Timestamp.from(silentSince))
                .query(Long.class)
                .single();
    }

    List<DeliveryOnPromise> onPromise(Instant from, Instant to, ZoneId zone) {
        return jdbc.sql(
                        """
                        select (delivered_at at time zone :zone)::date as day, count(*) as delivered,
                            count(*) filter (where (delivered_at at time zone :zone)::date <= promise_latest) as on_promise
                        from tracking.shipments
                        where delivered_at >= :from and delivered_at < :to and promise_latest is not null
                        group by 1 order by 1
                        """)
                .param("zone", zone.getId())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new DeliveryOnPromise(
                        rs.getObject("day", LocalDate.class), rs.getLong("delivered"), rs.getLong("on_promise")))
                .list();
    }

    TrackingPageVisits visits(Instant from, Instant to) {
        return jdbc.sql(
                        """
                        with shipped as (
                            select distinct order_id from tracking.shipments where shipped_at >= :from and shipped_at < :to
                        )
                        select count(*) as orders, coalesce(sum(v.visits), 0) as visits
                        from shipped s left join tracking.page_visits v on v.order_id = s.order_id
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new TrackingPageVisits(rs.getLong("orders"), rs.getLong("visits")))
                .single();
    }
}
