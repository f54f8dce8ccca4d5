package org.aftercart.tracking.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import org.aftercart.orders.OrderCancelled;
import org.aftercart.orders.OrderChanged;
import org.aftercart.tracking.ShipmentDelayed;
import org.aftercart.tracking.ShipmentShipped;
import org.aftercart.tracking.ShipmentStatusChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tracking pages as rendered, kept for a short while: customers come back to the same page several
 * times, and a page is the same for everyone who holds its link until something happens to the
 * order. Anything that changes what a page shows (a parcel's status, a delay, a new parcel, a
 * change or cancellation of the order) drops that order's pages once it has committed; everything
 * else (a relearned promise, new recommendations, another instance's news) shows within {@code
 * aftercart.tracking.page.cache-for}.
 */
@Component
class RenderedPages {

    /** One rendering: the order, the link it was opened with, and what decided its language. */
    record Key(UUID order, String token, boolean languagePicked, String language) {}

    private final Cache<Key, byte[]> pages;

    RenderedPages(@Value("${aftercart.tracking.page.cache-for:PT30S}") Duration cacheFor) {
        this.pages = Caffeine.newBuilder()
                .expireAfterWrite(cacheFor)
                .maximumWeight(32L * 1024 * 1024)
                .<Key, byte[]>weigher((key, html) -> html.length)
                .build();
    }

    byte @Nullable [] get(Key key) {
        return pages.getIfPresent(key);
    }

    void put(Key key, byte[] html) {
        pages.put(key, html);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ShipmentStatusChanged changed) {
        forget(changed.shipment().orderId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ShipmentShipped shipped) {
        forget(shipped.shipment().orderId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ShipmentDelayed delayed) {
        forget(delayed.shipment().orderId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OrderChanged changed) {
        forget(changed.orderId().id());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OrderCancelled cancelled) {
        forget(cancelled.orderId().id());
    }

    private void forget(UUID order) {
        pages.asMap().keySet().removeIf(key -> key.order().equals(order));
    }
}
