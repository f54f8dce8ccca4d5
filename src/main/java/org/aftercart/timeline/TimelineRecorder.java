package org.aftercart.timeline;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes entries for the listeners, finding the customer through the order (orders module's API)
 * when an event names only the order. Facts about a guest order, with no customer, have no timeline.
 */
@Component
class TimelineRecorder {

    private static final Logger log = LoggerFactory.getLogger(TimelineRecorder.class);

    private final TimelineEntries entries;
    private final OrderManagement orders;

    TimelineRecorder(TimelineEntries entries, OrderManagement orders) {
        this.entries = entries;
        this.orders = orders;
    }

    void record(
            String eventKey,
            @Nullable UUID customer,
            @Nullable UUID order,
            String kind,
            String summary,
            TimelineEntry.@Nullable Link link,
            Instant occurredAt) {
        UUID owner = customer != null ? customer : customerOf(order);
        if (owner == null) {
            log.debug("No customer for timeline fact {}", eventKey);
            return;
        }
        entries.add(new NewEntry(eventKey, owner, order, kind, summary, link, occurredAt));
    }

    private @Nullable UUID customerOf(@Nullable UUID order) {
        if (order == null) {
            return null;
        }
        return orders.find(new OrderId(order))
                .map(OrderView::customerId)
                .map(UUID::fromString)
                .orElse(null);
    }

    static TimelineEntry.Link order(UUID id) {
        return new TimelineEntry.Link(TimelineEntry.LinkType.ORDER, id);
    }

    static TimelineEntry.Link returnRequest(UUID id) {
        return new TimelineEntry.Link(TimelineEntry.LinkType.RETURN, id);
    }

    static TimelineEntry.Link message(UUID id) {
        return new TimelineEntry.Link(TimelineEntry.LinkType.MESSAGE, id);
    }
}
