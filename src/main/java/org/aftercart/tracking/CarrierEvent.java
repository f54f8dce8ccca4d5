package org.aftercart.tracking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One checkpoint as the carrier reported it.
 *
 * @param occurredAt when it happened (not when it reached us); carriers that give a local time
 *     without an offset are read in the time zone of the event's place when known, else UTC
 * @param code the status code in the report's vocabulary (e.g. {@code in_transit}, {@code
 *     InTransit}, UPS {@code D})
 * @param detail a finer code when the vocabulary has one (AfterShip subtag {@code Exception_011},
 *     EasyPost {@code status_detail}, UPS activity code)
 * @param description the carrier's own words, shown to the customer as they are
 */
public record CarrierEvent(
        Instant occurredAt,
        String code,
        @Nullable String detail,
        @Nullable String description,
        @Nullable EventLocation location) {}
