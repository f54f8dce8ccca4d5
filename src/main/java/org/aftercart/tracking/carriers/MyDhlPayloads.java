package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.first;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import tools.jackson.databind.JsonNode;

/**
 * MyDHL API (DHL Express) tracking responses ({@code shipments[]}), one report per shipment
 * ({@code shipmentTrackingNumber}); piece-level events are not read.
 *
 * <p>Each {@code events[]} entry becomes an event: {@code typeCode} ({@code PU}, {@code PL}, {@code
 * OK}, ...) is the code. The time is {@code date} and {@code time} at {@code GMTOffset}; without an
 * offset it is read as UTC (the service area gives a city, not a zone). The location is the service
 * area's description.
 */
public final class MyDhlPayloads {

    public static final String VOCABULARY = "mydhl";

    private MyDhlPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "MyDHL"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        if (!root.path("shipments").isArray()) {
            if (text(root, "title") != null || text(root, "detail") != null) {
                throw new UnreadablePayload("MyDHL error " + text(root, "status") + " " + text(root, "title") + ": "
                        + text(root, "detail"));
            }
            throw new UnreadablePayload("MyDHL payload has no shipments: not a MyDHL tracking response");
        }
        List<CarrierReport> reports = new ArrayList<>();
        for (JsonNode shipment : root.path("shipments")) {
            String number = text(shipment, "shipmentTrackingNumber");
            if (number == null) {
                throw new UnreadablePayload("MyDHL shipment has no shipmentTrackingNumber");
            }
            List<CarrierEvent> events = new ArrayList<>();
            List<JsonNode> shipmentEvents = array(shipment, "events");
            for (int i = 0; i < shipmentEvents.size(); i++) {
                events.add(event("MyDHL shipment " + number + ": events[" + i + "]", shipmentEvents.get(i)));
            }
            reports.add(PayloadJson.report(
                    VOCABULARY,
                    "DHL Express",
                    number,
                    PayloadJson.date(text(shipment, "estimatedTimeOfDelivery")),
                    events));
        }
        if (reports.isEmpty()) {
            throw new UnreadablePayload("MyDHL response holds no shipment");
        }
        return reports;
    }

    private static CarrierEvent event(String where, JsonNode event) {
        String code = text(event, "typeCode");
        if (code == null) {
            throw new UnreadablePayload(where + " has no typeCode");
        }
        String date = text(event, "date");
        if (date == null) {
            throw new UnreadablePayload(where + " has no date");
        }
        String time = text(event, "time");
        String offset = text(event, "GMTOffset");
        try {
            ZoneId zone = offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset);
            return new CarrierEvent(
                    PayloadJson.instant(date + "T" + (time == null ? "00:00:00" : time), zone),
                    code,
                    null,
                    text(event, "description"),
                    PayloadJson.location(text(first(event, "serviceArea"), "description"), null, null, null));
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable date, time or GMTOffset ('" + date + "', '" + time
                    + "', '" + offset + "')");
        }
    }
}
