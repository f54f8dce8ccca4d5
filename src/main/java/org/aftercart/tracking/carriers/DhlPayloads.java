package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import tools.jackson.databind.JsonNode;

/**
 * DHL Shipment Tracking – Unified API responses ({@code shipments[]}; also inside a {@code
 * trackingResponse} wrapper), one report per shipment ({@code id}).
 *
 * <p>Each {@code events[]} entry becomes an event: {@code statusCode} ({@code pre-transit}, {@code
 * transit}, {@code delivered}, {@code failure}, {@code unknown}) is the code, {@code description}
 * (else {@code status}) the description. DHL gives event timestamps in the local time of the event's
 * place, often without an offset: those are read in the zone of the event's country (see {@link
 * PlaceZones}), else UTC. A problem document ({@code title}, {@code status}, {@code detail}) without
 * shipments is refused with its words.
 */
public final class DhlPayloads {

    public static final String VOCABULARY = "dhl";

    private DhlPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "DHL"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        JsonNode response = root.path("trackingResponse").isObject() ? root.path("trackingResponse") : root;
        if (!response.path("shipments").isArray()) {
            JsonNode problem = root.path("error").isObject() ? root.path("error") : root;
            if (text(problem, "title") != null || text(problem, "detail") != null) {
                throw new UnreadablePayload("DHL error " + text(problem, "status") + " " + text(problem, "title") + ": "
                        + text(problem, "detail"));
            }
            throw new UnreadablePayload("DHL payload has no shipments: not a Unified Tracking API response");
        }
        List<CarrierReport> reports = new ArrayList<>();
        for (JsonNode shipment : response.path("shipments")) {
            String id = text(shipment, "id");
            if (id == null) {
                throw new UnreadablePayload("DHL shipment has no id");
            }
            List<CarrierEvent> events = new ArrayList<>();
            List<JsonNode> shipmentEvents = array(shipment, "events");
            for (int i = 0; i < shipmentEvents.size(); i++) {
                events.add(event("DHL shipment " + id + ": events[" + i + "]", shipmentEvents.get(i)));
            }
            reports.add(PayloadJson.report(
                    VOCABULARY, "DHL", id, PayloadJson.date(text(shipment, "estimatedTimeOfDelivery")), events));
        }
        if (reports.isEmpty()) {
            throw new UnreadablePayload("DHL response holds no shipment");
        }
        return reports;
    }

    private static CarrierEvent event(String where, JsonNode event) {
        String code = text(event, "statusCode");
        if (code == null) {
            throw new UnreadablePayload(where + " has no statusCode");
        }
        String timestamp = text(event, "timestamp");
        if (timestamp == null) {
            throw new UnreadablePayload(where + " has no timestamp");
        }
        JsonNode address = event.path("location").path("address");
        String country = text(address, "countryCode");
        String description = text(event, "description");
        try {
            return new CarrierEvent(
                    PayloadJson.instant(timestamp, PayloadJson.zoneOf(country, null)),
                    code,
                    null,
                    description == null ? text(event, "status") : description,
                    PayloadJson.location(text(address, "addressLocality"), null, text(address, "postalCode"), country));
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable timestamp '" + timestamp + "'");
        }
    }
}
