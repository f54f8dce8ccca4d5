package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * EasyPost trackers: a webhook Event ({@code object: "Event"}, {@code description}
 * {@code tracker.created} or {@code tracker.updated}, the Tracker in {@code result}), a bare Tracker
 * (API create and retrieve) or a tracker list ({@code {"trackers": [...]}}, API list and batch).
 *
 * <p>Each {@code tracking_details[]} entry becomes an event: {@code status} is the code, {@code
 * status_detail} the detail, {@code message} the description. EasyPost gives {@code datetime} in
 * UTC; a value without an offset is read as UTC too. Every other EasyPost object (Shipment, Batch,
 * Refund, Claim, Insurance, Webhook, ...) and every other event is refused: shipments reach us
 * through their tracker's own events.
 */
public final class EasyPostPayloads {

    public static final String VOCABULARY = "easypost";

    private EasyPostPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "EasyPost"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        if (root.isArray()) {
            String object = root.isEmpty() ? "nothing" : objectName(root.get(0)) + " objects";
            throw new UnreadablePayload("EasyPost list of " + object + " is not a tracker payload");
        }
        if (!root.isObject()) {
            throw new UnreadablePayload("EasyPost payload must be a JSON object, not " + root.getNodeType());
        }
        if (root.has("error")) {
            JsonNode error = root.path("error");
            throw new UnreadablePayload("EasyPost error " + text(error, "code") + ": " + text(error, "message"));
        }
        if (root.path("trackers").isArray()) {
            List<CarrierReport> reports = new ArrayList<>();
            for (JsonNode tracker : root.path("trackers")) {
                reports.add(tracker(tracker));
            }
            return reports;
        }
        String object = text(root, "object");
        if ("Event".equals(object)) {
            return List.of(event(root));
        }
        if ("Tracker".equals(object)) {
            return List.of(tracker(root));
        }
        if (object != null) {
            String id = text(root, "id");
            throw new UnreadablePayload("EasyPost " + object + (id == null ? "" : " " + id)
                    + " is not a tracker; only Tracker objects, tracker.* events and tracker lists are read");
        }
        for (String list : List.of("events", "shipments", "claims", "refunds", "webhooks", "payloads", "rates")) {
            if (root.path(list).isArray()) {
                throw new UnreadablePayload("EasyPost list of " + list + " is not a tracker payload");
            }
        }
        throw new UnreadablePayload(
                root.isEmpty()
                        ? "EasyPost payload is an empty object"
                        : "EasyPost payload has no object type and no trackers list (fields: "
                                + String.join(", ", root.propertyNames()) + ")");
    }

    private static CarrierReport event(JsonNode event) {
        String description = text(event, "description");
        String id = text(event, "id");
        String name = "EasyPost event " + (id == null ? "" : id + " ") + "'" + description + "'";
        if (description == null) {
            throw new UnreadablePayload(name + " is not a tracker event");
        }
        if (!description.startsWith("tracker.")) {
            throw new NotATrackingEvent(name + " is not a tracker event");
        }
        JsonNode result = event.path("result");
        if (!result.isObject()) {
            throw new UnreadablePayload(
                    name
                            + " has no result (the Tracker): the Events API returns events without it; webhook bodies carry it");
        }
        if (!"Tracker".equals(text(result, "object"))) {
            throw new UnreadablePayload(name + " carries a " + objectName(result) + ", not a Tracker");
        }
        return tracker(result);
    }

    private static CarrierReport tracker(JsonNode tracker) {
        String code = text(tracker, "tracking_code");
        if (code == null) {
            String id = text(tracker, "id");
            throw new UnreadablePayload("EasyPost tracker " + (id == null ? "" : id + " ") + "has no tracking_code");
        }
        String carrier = text(tracker, "carrier");
        if (carrier == null) {
            throw new UnreadablePayload("EasyPost tracker " + code + " has no carrier");
        }
        List<CarrierEvent> events = new ArrayList<>();
        List<JsonNode> details = array(tracker, "tracking_details");
        for (int i = 0; i < details.size(); i++) {
            events.add(detail(code, i, details.get(i)));
        }
        return PayloadJson.report(
                VOCABULARY, carrier, code, PayloadJson.date(text(tracker, "est_delivery_date")), events);
    }

    private static CarrierEvent detail(String trackingCode, int index, JsonNode detail) {
        String where = "EasyPost tracker " + trackingCode + ": tracking_details[" + index + "]";
        String status = text(detail, "status");
        if (status == null) {
            throw new UnreadablePayload(where + " has no status");
        }
        String datetime = text(detail, "datetime");
        if (datetime == null) {
            throw new UnreadablePayload(where + " has no datetime");
        }
        JsonNode place = detail.path("tracking_location");
        try {
            return new CarrierEvent(
                    PayloadJson.instant(datetime, ZoneOffset.UTC),
                    status,
                    text(detail, "status_detail"),
                    text(detail, "message"),
                    PayloadJson.location(
                            text(place, "city"), text(place, "state"), text(place, "zip"), text(place, "country")));
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable datetime '" + datetime + "'");
        }
    }

    private static String objectName(@Nullable JsonNode node) {
        String object = node == null ? null : text(node, "object");
        return object == null ? "untyped object" : object;
    }
}
