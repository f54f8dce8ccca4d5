package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * FedEx Track API responses ({@code output.completeTrackResults[].trackResults[]}), one report per
 * track result, under the package's own number ({@code trackingNumberInfo.trackingNumber}, else the
 * number asked for).
 *
 * <p>Each {@code scanEvents[]} entry becomes an event: {@code derivedStatusCode} (FedEx's coarse
 * status: {@code PU}, {@code IT}, {@code DL}, {@code DE}, ...) is the code and {@code eventType}
 * (the scan's own code) the detail. FedEx gives {@code date} with the local offset; a date without
 * one is read in the zone of the scan location (see {@link PlaceZones}), else UTC.
 *
 * <p>A track result with an {@code error} and no scan events (number not found) is left out; when no
 * result is readable the payload is refused with FedEx's errors. Other FedEx bodies (a track
 * request, a proof-of-delivery document) are refused.
 */
public final class FedExPayloads {

    public static final String VOCABULARY = "fedex";

    private FedExPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "FedEx"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        if (root.path("trackingInfo").isArray()) {
            throw new UnreadablePayload("FedEx track request (trackingInfo), not a tracking response");
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new UnreadablePayload(
                    "FedEx error " + text(errors.get(0), "code") + ": " + text(errors.get(0), "message"));
        }
        JsonNode output = root.path("output");
        if (output.has("documents") || output.has("documentType")) {
            throw new UnreadablePayload("FedEx " + text(output, "documentType")
                    + " document response (a proof of delivery), not a tracking response");
        }
        if (!output.path("completeTrackResults").isArray()) {
            throw new UnreadablePayload("FedEx payload has no output.completeTrackResults: not a Track API response");
        }
        List<CarrierReport> reports = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (JsonNode complete : output.path("completeTrackResults")) {
            String asked = text(complete, "trackingNumber");
            for (JsonNode result : array(complete, "trackResults")) {
                JsonNode error = result.path("error");
                String number = text(result.path("trackingNumberInfo"), "trackingNumber");
                number = number == null ? asked : number;
                if (error.isObject() && array(result, "scanEvents").isEmpty()) {
                    refusals.add("FedEx " + number + ": " + text(error, "code") + " " + text(error, "message"));
                } else {
                    reports.add(result(number, result));
                }
            }
        }
        if (reports.isEmpty()) {
            throw new UnreadablePayload(
                    refusals.isEmpty() ? "FedEx response holds no track result" : String.join("; ", refusals));
        }
        return reports;
    }

    private static CarrierReport result(@Nullable String number, JsonNode result) {
        if (number == null) {
            throw new UnreadablePayload("FedEx track result has no tracking number");
        }
        List<CarrierEvent> events = new ArrayList<>();
        List<JsonNode> scans = array(result, "scanEvents");
        for (int i = 0; i < scans.size(); i++) {
            events.add(scan("FedEx " + number + ": scanEvents[" + i + "]", scans.get(i)));
        }
        return PayloadJson.report(VOCABULARY, "FedEx", number, estimate(result), events);
    }

    private static @Nullable LocalDate estimate(JsonNode result) {
        for (JsonNode dateAndTime : array(result, "dateAndTimes")) {
            if ("ESTIMATED_DELIVERY".equals(text(dateAndTime, "type"))) {
                return PayloadJson.date(text(dateAndTime, "dateTime"));
            }
        }
        return PayloadJson.date(text(result.path("estimatedDeliveryTimeWindow").path("window"), "ends"));
    }

    private static CarrierEvent scan(String where, JsonNode scan) {
        String eventType = text(scan, "eventType");
        String code = text(scan, "derivedStatusCode");
        if (code == null) {
            code = eventType;
        }
        if (code == null) {
            throw new UnreadablePayload(where + " has neither derivedStatusCode nor eventType");
        }
        String date = text(scan, "date");
        if (date == null) {
            throw new UnreadablePayload(where + " has no date");
        }
        JsonNode place = scan.path("scanLocation");
        String country = text(place, "countryCode");
        String state = text(place, "stateOrProvinceCode");
        try {
            return new CarrierEvent(
                    PayloadJson.instant(date, PayloadJson.zoneOf(country, state)),
                    code,
                    eventType,
                    text(scan, "eventDescription"),
                    PayloadJson.location(text(place, "city"), state, text(place, "postalCode"), country));
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable date '" + date + "'");
        }
    }
}
