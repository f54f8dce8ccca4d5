package org.aftercart.tracking;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one source said about one parcel, before any mapping: the carrier's own status codes, in the
 * vocabulary named here. Parsers of outside payloads produce these; the status mapping turns the
 * codes into {@link TrackingStatus}es.
 *
 * @param vocabulary the mapping table that reads {@link CarrierEvent#code()}s, e.g. {@code easypost},
 *     {@code aftership}, {@code ups}, or {@code canonical} when the codes already are canonical
 * @param carrier the carrier as the source names it (e.g. {@code USPS}, {@code fedex})
 * @param carrierEstimate the carrier's own expected delivery date, when it gives one
 */
public record CarrierReport(
        String vocabulary,
        String carrier,
        String trackingNumber,
        @Nullable LocalDate carrierEstimate,
        List<CarrierEvent> events) {

    public CarrierReport {
        events = List.copyOf(events);
    }
}
