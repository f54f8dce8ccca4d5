package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.EventLocation;
import org.aftercart.tracking.TrackingStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The generic intake, for any carrier or 3PL without a parser of its own. One parcel is:
 *
 * <pre>{@code
 * {
 *   "carrier": "Royal Mail",                      required
 *   "trackingNumber": "AB123456789GB",            required
 *   "estimatedDelivery": "2026-11-30",            optional, ISO date
 *   "events": [                                   required, may be empty
 *     {
 *       "occurredAt": "2026-11-23T10:00:00Z",     required, ISO 8601 with Z or an offset
 *       "status": "IN_TRANSIT",                   required, a TrackingStatus name
 *       "detail": "HUB_SCAN",                     optional, the sender's own finer code
 *       "description": "Arrived at the hub",      optional, shown to the customer as it is
 *       "location": {                             optional, every field optional
 *         "city": "Leeds", "region": "West Yorkshire", "postcode": "LS1 4DY",
 *         "country": "GB"                         ISO 3166-1 alpha-2
 *       }
 *     }
 *   ]
 * }
 * }</pre>
 *
 * The body is one such object or a JSON array of them. Unknown fields are ignored. Every problem in
 * the body is reported at once, each with its path ({@code [1].events[0].status}), so that a sender
 * can fix them in one go. The status is already canonical: the reports' vocabulary is {@code
 * canonical} and each event's code is the {@link TrackingStatus} name.
 */
public final class CanonicalPayloads {

    public static final String VOCABULARY = "canonical";

    private static final String ALLOWED =
            Arrays.stream(TrackingStatus.values()).map(Enum::name).collect(Collectors.joining(", "));

    private CanonicalPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "Tracking"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        List<String> problems = new ArrayList<>();
        List<CarrierReport> reports = new ArrayList<>();
        if (root.isArray()) {
            if (root.isEmpty()) {
                problems.add("the array holds no parcel");
            }
            for (int i = 0; i < root.size(); i++) {
                parcel("[" + i + "]", root.get(i), problems, reports);
            }
        } else {
            parcel("", root, problems, reports);
        }
        if (!problems.isEmpty()) {
            throw new UnreadablePayload("Tracking payload refused: " + String.join("; ", problems));
        }
        return reports;
    }

    private static void parcel(String path, JsonNode parcel, List<String> problems, List<CarrierReport> reports) {
        if (!parcel.isObject()) {
            problems.add(name(path, "") + "must be a JSON object");
            return;
        }
        String carrier = required(parcel, path, "carrier", problems);
        String number = required(parcel, path, "trackingNumber", problems);
        LocalDate estimate = null;
        String estimated = text(parcel, "estimatedDelivery");
        if (estimated != null) {
            try {
                estimate = LocalDate.parse(estimated);
            } catch (DateTimeException e) {
                problems.add(name(path, "estimatedDelivery") + "'" + estimated + "' is not a date like 2026-11-30");
            }
        }
        JsonNode eventsNode = parcel.path("events");
        List<CarrierEvent> events = new ArrayList<>();
        if (!eventsNode.isArray()) {
            problems.add(name(path, "events") + "is missing; give an array of events (it may be empty)");
        } else {
            for (int i = 0; i < eventsNode.size(); i++) {
                CarrierEvent event =
                        event(path + (path.isEmpty() ? "" : ".") + "events[" + i + "]", eventsNode.get(i), problems);
                if (event != null) {
                    events.add(event);
                }
            }
        }
        if (carrier != null && number != null && problems.isEmpty()) {
            reports.add(PayloadJson.report(VOCABULARY, carrier, number, estimate, events));
        }
    }

    private static @Nullable CarrierEvent event(String path, JsonNode event, List<String> problems) {
        if (!event.isObject()) {
            problems.add(path + " must be a JSON object");
            return null;
        }
        Instant occurredAt = null;
        String time = required(event, path, "occurredAt", problems);
        if (time != null) {
            if (!PayloadJson.hasOffset(time)) {
                problems.add(
                        name(path, "occurredAt") + "'" + time
                                + "' needs a date, a time and an offset, like 2026-11-23T10:00:00Z or 2026-11-23T11:00:00+01:00");
            } else {
                occurredAt = PayloadJson.instant(time, ZoneOffset.UTC);
            }
        }
        TrackingStatus status = null;
        String statusName = required(event, path, "status", problems);
        if (statusName != null) {
            try {
                status = TrackingStatus.valueOf(statusName);
            } catch (IllegalArgumentException e) {
                problems.add(name(path, "status") + "'" + statusName + "' is not one of " + ALLOWED);
            }
        }
        EventLocation location = null;
        JsonNode place = event.path("location");
        if (!place.isMissingNode() && !place.isNull()) {
            if (!place.isObject()) {
                problems.add(name(path, "location") + "must be an object with city, region, postcode, country");
            } else {
                String country = text(place, "country");
                if (country != null && (country.length() != 2 || PayloadJson.country(country) == null)) {
                    problems.add(name(path, "location.country") + "'" + country
                            + "' is not an ISO 3166-1 alpha-2 code like GB");
                }
                location = PayloadJson.location(
                        text(place, "city"), text(place, "region"), text(place, "postcode"), country);
            }
        }
        if (occurredAt == null || status == null) {
            return null;
        }
        return new CarrierEvent(occurredAt, status.name(), text(event, "detail"), text(event, "description"), location);
    }

    private static @Nullable String required(JsonNode node, String path, String field, List<String> problems) {
        String value = text(node, field);
        if (value == null) {
            problems.add(name(path, field) + "is missing");
        }
        return value;
    }

    private static String name(String path, String field) {
        String name = path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field;
        return name.isEmpty() ? "the payload " : name + " ";
    }
}
