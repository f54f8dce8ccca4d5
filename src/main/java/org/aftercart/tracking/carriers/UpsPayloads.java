package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * UPS Track API responses ({@code trackResponse.shipment[].package[]}), one report per package.
 *
 * <p>Each {@code activity[]} becomes an event: {@code status.type} ({@code M} manifest, {@code P}
 * pickup, {@code I} in transit, {@code X} exception, {@code D} delivered, ...) is the code and
 * {@code status.code} (e.g. {@code MP}, {@code F4}) the detail. UPS splits the local date ({@code
 * YYYYMMDD}) and time ({@code HHMMSS}) and gives no offset unless {@code gmtOffset} is present; then
 * the time is read in the zone of the activity's place (US state or country, see {@link
 * PlaceZones}), else UTC. The estimate is the rescheduled ({@code RDD}) or scheduled ({@code SDD})
 * delivery date; {@code DEL} is the actual delivery and not an estimate.
 */
public final class UpsPayloads {

    public static final String VOCABULARY = "ups";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private UpsPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "UPS"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        JsonNode errors = root.path("response").path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new UnreadablePayload(
                    "UPS error " + text(errors.get(0), "code") + ": " + text(errors.get(0), "message"));
        }
        JsonNode response = root.path("trackResponse");
        if (!response.isObject()) {
            throw new UnreadablePayload("UPS payload has no trackResponse: not a UPS Track API response");
        }
        List<CarrierReport> reports = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (JsonNode shipment : array(response, "shipment")) {
            for (JsonNode pack : array(shipment, "package")) {
                reports.add(pack(pack, text(shipment, "inquiryNumber")));
            }
            for (JsonNode warning : array(shipment, "warnings")) {
                warnings.add(text(warning, "code") + " " + text(warning, "message"));
            }
        }
        if (reports.isEmpty()) {
            throw new UnreadablePayload("UPS response holds no package"
                    + (warnings.isEmpty() ? "" : "; warnings: " + String.join(", ", warnings)));
        }
        return reports;
    }

    private static CarrierReport pack(JsonNode pack, @Nullable String inquiryNumber) {
        String number = text(pack, "trackingNumber");
        if (number == null) {
            number = inquiryNumber;
        }
        if (number == null) {
            throw new UnreadablePayload("UPS package has no trackingNumber");
        }
        List<CarrierEvent> events = new ArrayList<>();
        List<JsonNode> activities = array(pack, "activity");
        for (int i = 0; i < activities.size(); i++) {
            events.add(activity("UPS package " + number + ": activity[" + i + "]", activities.get(i)));
        }
        return PayloadJson.report(VOCABULARY, "UPS", number, estimate(pack), events);
    }

    private static @Nullable LocalDate estimate(JsonNode pack) {
        LocalDate scheduled = null;
        for (JsonNode date : array(pack, "deliveryDate")) {
            String type = text(date, "type");
            LocalDate value = basicDate(text(date, "date"));
            if ("RDD".equals(type) && value != null) {
                return value;
            }
            if ("SDD".equals(type) && value != null) {
                scheduled = value;
            }
        }
        return scheduled;
    }

    private static CarrierEvent activity(String where, JsonNode activity) {
        JsonNode status = activity.path("status");
        String type = text(status, "type");
        if (type == null) {
            throw new UnreadablePayload(where + " has no status.type");
        }
        String date = text(activity, "date");
        if (date == null) {
            throw new UnreadablePayload(where + " has no date");
        }
        String time = text(activity, "time");
        JsonNode address = activity.path("location").path("address");
        String country = text(address, "countryCode");
        String state = text(address, "stateProvince");
        LocalDate day = basicDate(date);
        if (day == null) {
            throw new UnreadablePayload(where + " has an unreadable date '" + date + "' (expected YYYYMMDD)");
        }
        LocalTime at;
        try {
            at = time == null ? LocalTime.MIDNIGHT : LocalTime.parse(time, TIME);
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable time '" + time + "' (expected HHMMSS)");
        }
        String offset = text(activity, "gmtOffset");
        ZoneId zone;
        try {
            zone = offset != null ? ZoneOffset.of(offset) : PayloadJson.zoneOf(country, state);
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable gmtOffset '" + offset + "'");
        }
        return new CarrierEvent(
                LocalDateTime.of(day, at).atZone(zone).toInstant(),
                type,
                text(status, "code"),
                text(status, "description"),
                PayloadJson.location(text(address, "city"), state, text(address, "postalCode"), country));
    }

    private static @Nullable LocalDate basicDate(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
