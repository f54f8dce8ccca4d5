package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import tools.jackson.databind.JsonNode;

/**
 * Hermes Germany shipment information ({@code shipmentinfo[]}), one report per shipment ({@code
 * shipmentID}).
 *
 * <p>Each {@code status[]} entry becomes an event: its numeric {@code code} ({@code 0000}, {@code
 * 2000}, {@code 3000}, {@code 3500}, ...) is the code. Timestamps carry an offset; one without is
 * read in German time. Countries come as alpha-3 ({@code DEU}) and are turned into alpha-2. The
 * estimate is {@code deliveryForecast.date}. A shipment whose {@code result.code} is not a success
 * ({@code i...}) is left out while others are readable, else refused with its message.
 */
public final class HermesPayloads {

    public static final String VOCABULARY = "hermes";

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private HermesPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "Hermes"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        if (!root.path("shipmentinfo").isArray()) {
            throw new UnreadablePayload("Hermes payload has no shipmentinfo: not a shipment information response");
        }
        List<CarrierReport> reports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode shipment : root.path("shipmentinfo")) {
            String number = text(shipment, "shipmentID");
            String resultCode = text(shipment.path("result"), "code");
            if (resultCode != null && !resultCode.startsWith("i")) {
                errors.add("Hermes shipment " + number + ": " + resultCode + " "
                        + text(shipment.path("result"), "message"));
                continue;
            }
            if (number == null) {
                throw new UnreadablePayload("Hermes shipment has no shipmentID");
            }
            List<CarrierEvent> events = new ArrayList<>();
            List<JsonNode> statuses = array(shipment, "status");
            for (int i = 0; i < statuses.size(); i++) {
                events.add(event("Hermes shipment " + number + ": status[" + i + "]", statuses.get(i)));
            }
            reports.add(PayloadJson.report(
                    VOCABULARY,
                    "Hermes",
                    number,
                    PayloadJson.date(text(shipment.path("deliveryForecast"), "date")),
                    events));
        }
        if (reports.isEmpty()) {
            throw new UnreadablePayload(
                    errors.isEmpty() ? "Hermes response holds no shipment" : String.join("; ", errors));
        }
        return reports;
    }

    private static CarrierEvent event(String where, JsonNode status) {
        String code = text(status, "code");
        if (code == null) {
            throw new UnreadablePayload(where + " has no code");
        }
        String timestamp = text(status, "timestamp");
        if (timestamp == null) {
            throw new UnreadablePayload(where + " has no timestamp");
        }
        JsonNode unit = status.path("scanningUnit");
        try {
            return new CarrierEvent(
                    PayloadJson.instant(timestamp, BERLIN),
                    code,
                    null,
                    text(status, "description"),
                    PayloadJson.location(text(unit, "city"), null, null, text(unit, "countryCode")));
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable timestamp '" + timestamp + "'");
        }
    }
}
