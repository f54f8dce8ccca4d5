package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import tools.jackson.databind.JsonNode;

/**
 * AfterShip (API v4) trackings: the webhook body ({@code {"event": "tracking_update", "msg":
 * {tracking}}}), an API response with one tracking ({@code {"meta": ..., "data": {"tracking":
 * {...}}}}), a list ({@code data.trackings[]}) or the last checkpoint ({@code data.checkpoint}).
 *
 * <p>Each checkpoint becomes an event: {@code tag} is the code, {@code subtag} the detail, {@code
 * message} the description, and {@code country_iso3} is turned into alpha-2 (the free-text {@code
 * location} is not split up). {@code
 * checkpoint_time} is the local time at the checkpoint, usually with its offset; without one it is
 * read as UTC: AfterShip's own samples show the same checkpoint once as {@code
 * 2018-07-31T10:33:00-04:00} and once as {@code 2018-07-31T14:33:00}, the UTC time.
 *
 * <p>A tracking without a {@code checkpoints} field (the answer to a retrack or a delete) is an
 * acknowledgement, not tracking data, and is refused; so are couriers, notifications, predicted
 * delivery dates, errors and request bodies.
 */
public final class AfterShipPayloads {

    public static final String VOCABULARY = "aftership";

    private AfterShipPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "AfterShip"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        if (!root.isObject()) {
            throw new UnreadablePayload("AfterShip payload must be a JSON object, not " + root.getNodeType()
                    + (root.isString() ? " '" + PayloadJson.abbreviate(root.asString()) + "'" : ""));
        }
        if (root.has("msg")) {
            String event = text(root, "event");
            if (event != null && !event.equals("tracking_update")) {
                throw new UnreadablePayload("AfterShip webhook event '" + event + "' is not a tracking_update");
            }
            return List.of(tracking(root.path("msg")));
        }
        if (!root.has("data")) {
            String fields = String.join(", ", root.propertyNames());
            throw new UnreadablePayload("AfterShip payload has neither msg (webhook) nor data (API response)"
                    + (root.has("tracking") ? "; {\"tracking\": ...} alone is a request body" : "")
                    + " (fields: " + fields + ")");
        }
        JsonNode meta = root.path("meta");
        int code = meta.path("code").asInt(200);
        if (code < 200 || code >= 300) {
            throw new UnreadablePayload(
                    "AfterShip error " + code + " " + text(meta, "type") + ": " + text(meta, "message"));
        }
        JsonNode data = root.path("data");
        if (data.path("tracking").isObject()) {
            return List.of(tracking(data.path("tracking")));
        }
        if (data.path("trackings").isArray()) {
            List<CarrierReport> reports = new ArrayList<>();
            for (JsonNode tracking : data.path("trackings")) {
                reports.add(tracking(tracking));
            }
            return reports;
        }
        if (data.path("checkpoint").isObject()) {
            return List.of(lastCheckpoint(data));
        }
        throw new UnreadablePayload("AfterShip response holds no tracking (data fields: "
                + (data.isObject() && !data.isEmpty() ? String.join(", ", data.propertyNames()) : "none") + ")");
    }

    private static CarrierReport tracking(JsonNode tracking) {
        if (!tracking.isObject()) {
            throw new UnreadablePayload("AfterShip tracking must be a JSON object");
        }
        String number = text(tracking, "tracking_number");
        if (number == null) {
            throw new UnreadablePayload("AfterShip tracking has no tracking_number");
        }
        String slug = slug(tracking, number);
        if (!tracking.path("checkpoints").isArray()) {
            throw new UnreadablePayload("AfterShip tracking " + number
                    + " has no checkpoints: an acknowledgement (retrack, delete), not tracking data");
        }
        List<CarrierEvent> events = new ArrayList<>();
        List<JsonNode> checkpoints = array(tracking, "checkpoints");
        for (int i = 0; i < checkpoints.size(); i++) {
            events.add(checkpoint("AfterShip tracking " + number + ": checkpoints[" + i + "]", checkpoints.get(i)));
        }
        return PayloadJson.report(
                VOCABULARY, slug, number, PayloadJson.date(text(tracking, "expected_delivery")), events);
    }

    private static CarrierReport lastCheckpoint(JsonNode data) {
        String number = text(data, "tracking_number");
        if (number == null) {
            throw new UnreadablePayload("AfterShip last checkpoint has no tracking_number");
        }
        JsonNode checkpoint = data.path("checkpoint");
        if (text(checkpoint, "tag") == null && text(checkpoint, "checkpoint_time") == null) {
            // AfterShip answers with an all-null checkpoint while the tracking has none yet
            return PayloadJson.report(VOCABULARY, slug(data, number), number, null, List.of());
        }
        CarrierEvent event = checkpoint("AfterShip last checkpoint of " + number, checkpoint);
        return PayloadJson.report(VOCABULARY, slug(data, number), number, null, List.of(event));
    }

    private static String slug(JsonNode tracking, String number) {
        String slug = text(tracking, "slug");
        if (slug == null) {
            throw new UnreadablePayload("AfterShip tracking " + number + " has no slug (courier)");
        }
        return slug;
    }

    private static CarrierEvent checkpoint(String where, JsonNode checkpoint) {
        String tag = text(checkpoint, "tag");
        if (tag == null) {
            throw new UnreadablePayload(where + " has no tag");
        }
        String time = text(checkpoint, "checkpoint_time");
        if (time == null) {
            throw new UnreadablePayload(where + " has no checkpoint_time");
        }
        try {
            return new CarrierEvent(
                    PayloadJson.instant(time, ZoneOffset.UTC),
                    tag,
                    text(checkpoint, "subtag"),
                    text(checkpoint, "message"),
                    PayloadJson.location(
                            text(checkpoint, "city"),
                            text(checkpoint, "state"),
                            text(checkpoint, "zip"),
                            text(checkpoint, "country_iso3")));
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable checkpoint_time '" + time + "'");
        }
    }
}
