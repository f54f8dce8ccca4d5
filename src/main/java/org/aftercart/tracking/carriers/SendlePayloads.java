package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.EventLocation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Sendle tracking responses ({@code GET /api/tracking/{ref}}). The body does not repeat the Sendle
 * reference, so the caller passes the one it asked about.
 *
 * <p>Each {@code tracking_events[]} entry becomes an event: {@code event_type} ({@code Pickup},
 * {@code In Transit}, {@code Delivered}, ...) is the code, {@code description} (with the {@code
 * reason}, when given) the description. {@code scan_time} is UTC. A location such as {@code
 * TEANECK, NJ} is split into city and state. The estimate is {@code
 * scheduling.estimated_delivery_date_maximum}.
 */
public final class SendlePayloads {

    public static final String VOCABULARY = "sendle";

    private static final Pattern CITY_STATE = Pattern.compile("(.+?),\\s*([A-Z]{2})");

    private SendlePayloads() {}

    public static List<CarrierReport> read(String sendleReference, byte[] body) {
        return read(sendleReference, PayloadJson.parse(body, "Sendle"));
    }

    public static List<CarrierReport> read(String sendleReference, JsonNode root) {
        if (sendleReference.isBlank()) {
            throw new IllegalArgumentException("The Sendle reference is blank");
        }
        if (text(root, "error") != null) {
            throw new UnreadablePayload("Sendle error " + text(root, "error") + ": " + text(root, "error_description"));
        }
        if (!root.path("tracking_events").isArray()) {
            throw new UnreadablePayload("Sendle payload has no tracking_events: not a tracking response");
        }
        List<CarrierEvent> events = new ArrayList<>();
        List<JsonNode> trackingEvents = array(root, "tracking_events");
        for (int i = 0; i < trackingEvents.size(); i++) {
            events.add(
                    event("Sendle parcel " + sendleReference + ": tracking_events[" + i + "]", trackingEvents.get(i)));
        }
        return List.of(PayloadJson.report(
                VOCABULARY,
                "Sendle",
                sendleReference,
                PayloadJson.date(text(root.path("scheduling"), "estimated_delivery_date_maximum")),
                events));
    }

    private static CarrierEvent event(String where, JsonNode event) {
        String type = text(event, "event_type");
        if (type == null) {
            throw new UnreadablePayload(where + " has no event_type");
        }
        String time = text(event, "scan_time");
        if (time == null) {
            throw new UnreadablePayload(where + " has no scan_time");
        }
        String description = text(event, "description");
        String reason = text(event, "reason");
        if (reason != null) {
            description = description == null ? reason : description + ": " + reason;
        }
        try {
            return new CarrierEvent(
                    PayloadJson.instant(time, ZoneOffset.UTC),
                    type,
                    null,
                    description,
                    location(text(event, "location")));
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable scan_time '" + time + "'");
        }
    }

    private static @Nullable EventLocation location(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = CITY_STATE.matcher(text);
        return matcher.matches()
                ? PayloadJson.location(matcher.group(1), matcher.group(2), null, null)
                : PayloadJson.location(text, null, null, null);
    }
}
