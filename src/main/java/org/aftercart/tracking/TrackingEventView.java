package org.aftercart.tracking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One checkpoint of a parcel's timeline. */
public record TrackingEventView(
        Instant occurredAt,
        TrackingStatus status,
        @Nullable String description,
        @Nullable EventLocation location,
        String source) {}
