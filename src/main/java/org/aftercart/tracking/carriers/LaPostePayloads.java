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
 * La Poste Suivi v2 responses (Colissimo, Chronopost, courrier): one response ({@code returnCode},
 * {@code shipment}) or several under {@code responses[]}, one report per shipment ({@code idShip}).
 *
 * <p>Each {@code shipment.event[]} entry becomes an event: its {@code code} ({@code DR1}, {@code
 * PC1}, {@code ET1}, {@code MD2}, {@code DI1}, ...) is the code and {@code label}, in the language
 * asked for, the description. Dates carry an offset; a date without one is read in Paris time. The
 * estimate is {@code estimDate}. A response whose {@code returnCode} is not 200 is left out while
 * others are readable, else refused with its {@code returnMessage}.
 */
public final class LaPostePayloads {

    public static final String VOCABULARY = "laposte";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private LaPostePayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "La Poste"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        List<JsonNode> responses = root.path("responses").isArray() ? array(root, "responses") : List.of(root);
        List<CarrierReport> reports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode response : responses) {
            int returnCode = response.path("returnCode").asInt(0);
            JsonNode shipment = response.path("shipment");
            if (returnCode != 200 || !shipment.isObject()) {
                errors.add("La Poste " + (text(response, "idShip") == null ? "" : text(response, "idShip") + " ")
                        + "returnCode " + text(response, "returnCode") + ": "
                        + (text(response, "returnMessage") == null ? "no shipment" : text(response, "returnMessage")));
                continue;
            }
            reports.add(shipment(shipment));
        }
        if (reports.isEmpty()) {
            throw new UnreadablePayload(
                    errors.isEmpty() ? "La Poste response holds no shipment" : String.join("; ", errors));
        }
        return reports;
    }

    private static CarrierReport shipment(JsonNode shipment) {
        String number = text(shipment, "idShip");
        if (number == null) {
            throw new UnreadablePayload("La Poste shipment has no idShip");
        }
        String product = text(shipment, "product");
        List<CarrierEvent> events = new ArrayList<>();
        List<JsonNode> shipmentEvents = array(shipment, "event");
        for (int i = 0; i < shipmentEvents.size(); i++) {
            events.add(event("La Poste shipment " + number + ": event[" + i + "]", shipmentEvents.get(i)));
        }
        return PayloadJson.report(
                VOCABULARY,
                product == null ? "La Poste" : product,
                number,
                PayloadJson.date(text(shipment, "estimDate")),
                events);
    }

    private static CarrierEvent event(String where, JsonNode event) {
        String code = text(event, "code");
        if (code == null) {
            throw new UnreadablePayload(where + " has no code");
        }
        String date = text(event, "date");
        if (date == null) {
            throw new UnreadablePayload(where + " has no date");
        }
        try {
            return new CarrierEvent(PayloadJson.instant(date, PARIS), code, null, text(event, "label"), null);
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable date '" + date + "'");
        }
    }
}
