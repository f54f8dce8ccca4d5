package org.aftercart.tracking.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Visits per order and clicks per recommendation slot and product: one upsert each, for analytics. */
@Repository
class PageCounters {

    private final JdbcClient jdbc;
    private final Clock clock;

    PageCounters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void visit(UUID orderId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql(
                        """
                        insert into tracking.page_visits (order_id, visits, first_visit_at, last_visit_at)
                        values (?, 1, ?, ?)
                        on conflict (order_id) do update
                        set visits = tracking.page_visits.visits + 1, last_visit_at = excluded.last_visit_at
                        """)
                .params(orderId, now, now)
                .update();
    }

    void click(UUID orderId, String slot, String sku) {
        jdbc.sql(
                        """
                        insert into tracking.slot_clicks (order_id, slot, sku, clicks, last_click_at)
                        values (?, ?, ?, 1, ?)
                        on conflict (order_id, slot, sku) do update
                        set clicks = tracking.slot_clicks.clicks + 1, last_click_at = excluded.last_click_at
                        """)
                .params(orderId, slot, sku, Timestamp.from(clock.instant()))
                .update();
    }
}
