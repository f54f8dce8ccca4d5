package org.aftercart.offers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Views and clicks per offer and order, one additive upsert each: a thank-you page is seen a few
 * times per order, so a write per view costs little and nothing is lost in a crash.
 */
@Repository
class OfferCounters {

    private final JdbcClient jdbc;

    OfferCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void view(UUID offer, UUID order, Instant now) {
        jdbc.sql(
                        """
                        insert into offers.offer_views (offer_id, order_id, views, first_viewed_at, last_viewed_at)
                        values (?, ?, 1, ?, ?)
                        on conflict (offer_id, order_id) do update
                        set views = offers.offer_views.views + 1, last_viewed_at = excluded.last_viewed_at
                        """)
                .params(offer, order, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void click(UUID offer, UUID order, Instant now) {
        jdbc.sql(
                        """
                        insert into offers.offer_clicks (offer_id, order_id, clicks, first_clicked_at, last_clicked_at)
                        values (?, ?, 1, ?, ?)
                        on conflict (offer_id, order_id) do update
                        set clicks = offers.offer_clicks.clicks + 1, last_clicked_at = excluded.last_clicked_at
                        """)
                .params(offer, order, Timestamp.from(now), Timestamp.from(now))
                .update();
    }
}
