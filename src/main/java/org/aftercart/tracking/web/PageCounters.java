package org.aftercart.tracking.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Visits per order and clicks per recommendation slot and product, for analytics. Visits are
 * counted in memory and added to {@code tracking.page_visits} in one statement every few seconds
 * and at shutdown: a page view must not wait for a write of its own (nor queue behind the other
 * viewers of the same order's row). A crash loses at most those seconds of visit counts, which
 * analytics can afford; additive upserts keep several instances correct. Clicks are rare and
 * written at once.
 */
@Repository
class PageCounters {

    private record Visits(long count, Instant first, Instant last) {

        Visits plus(Visits other) {
            return new Visits(
                    count + other.count,
                    first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<UUID, Visits> pending = new ConcurrentHashMap<>();

    PageCounters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void visit(UUID orderId) {
        Instant now = clock.instant();
        pending.merge(orderId, new Visits(1, now, now), Visits::plus);
    }

    /** Adds the visits counted since the last flush; what fails to be written is kept for the next one. */
    @Scheduled(fixedDelayString = "${aftercart.tracking.page.visit-flush-every:PT5S}")
    synchronized void flush() {
        List<UUID> orders = new ArrayList<>();
        List<Visits> counts = new ArrayList<>();
        for (UUID order : List.copyOf(pending.keySet())) {
            Visits taken = pending.remove(order);
            if (taken != null) {
                orders.add(order);
                counts.add(taken);
            }
        }
        if (orders.isEmpty()) {
            return;
        }
        try {
            jdbc.sql(
                            """
                            insert into tracking.page_visits (order_id, visits, first_visit_at, last_visit_at)
                            select * from unnest(?::uuid[], ?::bigint[], ?::timestamptz[], ?::timestamptz[])
                            on conflict (order_id) do update
                            set visits = tracking.page_visits.visits + excluded.visits,
                                last_visit_at = greatest(tracking.page_visits.last_visit_at, excluded.last_visit_at)
                            """)
                    .params(
                            orders.toArray(UUID[]::new),
                            counts.stream().map(Visits::count).toArray(Long[]::new),
                            counts.stream().map(v -> Timestamp.from(v.first())).toArray(Timestamp[]::new),
                            counts.stream().map(v -> Timestamp.from(v.last())).toArray(Timestamp[]::new))
                    .update();
        } catch (RuntimeException failed) {
            for (int i = 0; i < orders.size(); i++) {
                pending.merge(orders.get(i), counts.get(i), Visits::plus);
            }
            throw failed;
        }
    }

    @jakarta.annotation.PreDestroy
    void flushAtShutdown() {
        flush();
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
