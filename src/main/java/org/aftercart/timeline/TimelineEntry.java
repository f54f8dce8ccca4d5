package org.aftercart.timeline;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One fact on a customer's timeline.
 *
 * @param kind what happened, as a stable key ({@code order.placed}, {@code return.approved}, …)
 * @param summary one line for staff, in English
 * @param link the page the entry is about (its order, return or message), if any
 */
public record TimelineEntry(
        UUID id,
        UUID customerId,
        @Nullable UUID orderId,
        String kind,
        TimelineCategory category,
        String summary,
        @Nullable Link link,
        Instant occurredAt) {

    public enum LinkType {
        ORDER,
        RETURN,
        MESSAGE
    }

    public record Link(LinkType type, UUID id) {}
}
