package org.aftercart.timeline;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entry to write, named by the fact it records.
 *
 * @param eventKey unique per fact (e.g. {@code order:<id>:placed}): a second delivery of the same
 *     event writes nothing
 */
record NewEntry(
        String eventKey,
        UUID customerId,
        @Nullable UUID orderId,
        String kind,
        String summary,
        TimelineEntry.@Nullable Link link,
        Instant occurredAt) {}
