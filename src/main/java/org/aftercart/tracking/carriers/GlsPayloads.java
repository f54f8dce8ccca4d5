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
 * GLS tracking responses ({@code parcels[]}), one report per parcel ({@code unitno}, else {@code
 * requested}).
 *
 * <p>GLS event codes are {@code GROUP.REASON} ({@code INTIAL.PREADVICE}, {@code DELIVERED.NORMAL});
 * the group, which is also what GLS reports as the parcel's {@code status}, is the code and the whole
 * code the detail. {@code eventDateTime} carries an offset ({@code +0200}); without one it is read
 * in the zone of the event's country (see {@link PlaceZones}), else UTC. A parcel with an {@code
 * errorCode} is left out while others are readable, else the payload is refused with its error.
 */
public final class GlsPayloads {

    public static final String VOCABULARY = "gls";

    private GlsPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "GLS"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        if (!root.path("parcels").isArray()) {
            throw new UnreadablePayload("GLS payload has no parcels: not a tracking response");
        }
        List<CarrierReport> reports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode parcel : root.path("parcels")) {
            String number = text(parcel, "unitno");
            number = number == null ? text(parcel, "requested") : number;
            if (text(parcel, "errorCode") != null) {
                errors.add("GLS parcel " + number + ": error " + text(parcel, "errorCode") + " "
                        + text(parcel, "errorMessage"));
                continue;
            }
            if (number == null) {
                throw new UnreadablePayload("GLS parcel has neither unitno nor requested");
            }
            List<CarrierEvent> events = new ArrayList<>();
            List<JsonNode> parcelEvents = array(parcel, "events");
            for (int i = 0; i < parcelEvents.size(); i++) {
                events.add(event("GLS parcel " + number + ": events[" + i + "]", parcelEvents.get(i)));
            }
            reports.add(PayloadJson.report(VOCABULARY, "GLS", number, null, events));
        }
        if (reports.isEmpty()) {
            throw new UnreadablePayload(errors.isEmpty() ? "GLS response holds no parcel" : String.join("; ", errors));
        }
        return reports;
    }

    private static CarrierEvent event(String where, JsonNode event) {
        String code = text(event, "code");
        if (code == null) {
            throw new UnreadablePayload(where + " has no code");
        }
        String time = text(event, "eventDateTime");
        if (time == null) {
            throw new UnreadablePayload(where + " has no eventDateTime");
        }
        String country = text(event, "country");
        int dot = code.indexOf('.');
        try {
            return new CarrierEvent(
                    PayloadJson.instant(time, PayloadJson.zoneOf(country, null)),
                    dot > 0 ? code.substring(0, dot) : code,
                    dot > 0 ? code : null,
                    text(event, "description"),
                    PayloadJson.location(text(event, "city"), null, text(event, "postalCode"), country));
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable eventDateTime '" + time + "'");
        }
    }
}
