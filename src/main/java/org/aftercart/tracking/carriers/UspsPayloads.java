package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * USPS Tracking v3 responses: one tracking result, or an array of them.
 *
 * <p>Each {@code trackingEvents[]} entry becomes an event: {@code eventCode} is the code, {@code
 * eventType} the description. The instant is {@code GMTTimestamp}; without it, the local {@code
 * eventTimestamp} with {@code GMTOffset}; without either offset, the local time in the zone of the
 * event's state (see {@link PlaceZones}), else UTC. The estimate is {@code
 * expectedDeliveryTimeStamp}'s date, else {@code predictedDeliveryDate}.
 */
public final class UspsPayloads {

    public static final String VOCABULARY = "usps";

    private UspsPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "USPS"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        if (root.isObject() && root.has("error")) {
            JsonNode error = root.path("error");
            throw new UnreadablePayload("USPS error " + text(error, "code") + ": " + text(error, "message"));
        }
        List<JsonNode> results = root.isArray() ? List.copyOf(root.values()) : List.of(root);
        if (results.isEmpty()) {
            throw new UnreadablePayload("USPS response holds no tracking result");
        }
        List<CarrierReport> reports = new ArrayList<>();
        for (JsonNode result : results) {
            reports.add(result(result));
        }
        return reports;
    }

    private static CarrierReport result(JsonNode result) {
        if (!result.isObject()) {
            throw new UnreadablePayload("USPS tracking result must be a JSON object");
        }
        String number = text(result, "trackingNumber");
        if (number == null) {
            throw new UnreadablePayload("USPS tracking result has no trackingNumber");
        }
        List<CarrierEvent> events = new ArrayList<>();
        List<JsonNode> trackingEvents = array(result, "trackingEvents");
        for (int i = 0; i < trackingEvents.size(); i++) {
            events.add(event("USPS item " + number + ": trackingEvents[" + i + "]", trackingEvents.get(i)));
        }
        LocalDate estimate = PayloadJson.date(text(result, "expectedDeliveryTimeStamp"));
        if (estimate == null) {
            estimate = PayloadJson.date(text(result, "predictedDeliveryDate"));
        }
        return PayloadJson.report(VOCABULARY, "USPS", number, estimate, events);
    }

    private static CarrierEvent event(String where, JsonNode event) {
        String code = text(event, "eventCode");
        if (code == null) {
            throw new UnreadablePayload(where + " has no eventCode");
        }
        String state = text(event, "eventState");
        String country = text(event, "eventCountry");
        return new CarrierEvent(
                occurredAt(where, event, country == null ? "US" : country, state),
                code,
                null,
                text(event, "eventType"),
                PayloadJson.location(text(event, "eventCity"), state, text(event, "eventZIP"), country));
    }

    private static Instant occurredAt(String where, JsonNode event, String country, @Nullable String state) {
        String gmt = text(event, "GMTTimestamp");
        String local = text(event, "eventTimestamp");
        String offset = text(event, "GMTOffset");
        try {
            if (gmt != null) {
                return PayloadJson.instant(gmt, ZoneOffset.UTC);
            }
            if (local == null) {
                throw new UnreadablePayload(where + " has neither GMTTimestamp nor eventTimestamp");
            }
            ZoneId zone = offset != null ? offset(offset) : PayloadJson.zoneOf(country, state);
            return PayloadJson.instant(local, zone);
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable time (GMTTimestamp '" + gmt + "', eventTimestamp '"
                    + local + "', GMTOffset '" + offset + "')");
        }
    }

    /** USPS writes offsets as {@code -05:00} or {@code -7:00}. */
    private static ZoneOffset offset(String text) {
        String normalized = text.matches("[+-]\\d:\\d\\d") ? text.charAt(0) + "0" + text.substring(1) : text;
        return ZoneOffset.of(normalized);
    }
}
