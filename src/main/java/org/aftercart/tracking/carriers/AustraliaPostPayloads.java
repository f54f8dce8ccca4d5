package org.aftercart.tracking.carriers;

import static org.aftercart.tracking.carriers.PayloadJson.array;
import static org.aftercart.tracking.carriers.PayloadJson.text;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.EventLocation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Australia Post Tracking API responses ({@code tracking_results[]}), one report per article: an
 * article directly under {@code trackable_items[]}, or each of a consignment's {@code items[]}.
 *
 * <p>Australia Post events carry no status code, only fixed wording ("Delivered", "Processed through
 * Australia Post facility", ...): that wording is the code, and the mapping table reads it. Dates
 * have offsets (a date without one is read in Sydney time). Locations such as {@code ALEXANDRIA NSW}
 * or {@code SYDNEY (AU)} are split into city and state or country.
 *
 * <p>A tracking ID that Australia Post answers with {@code errors} is left out while other IDs are
 * readable; when none is, the payload is refused with the errors, e.g. "Australia Post item 7XX1000:
 * error ESB-10001 Invalid tracking ID".
 */
public final class AustraliaPostPayloads {

    public static final String VOCABULARY = "australiapost";

    private static final Set<String> STATES = Set.of("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA");

    private static final Pattern COUNTRY_SUFFIX = Pattern.compile("(.+?)\\s*\\(([A-Z]{2})\\)");

    private static final Pattern STATE_SUFFIX = Pattern.compile("(.+?)\\s+([A-Z]{2,3})");

    private AustraliaPostPayloads() {}

    public static List<CarrierReport> read(byte[] body) {
        return read(PayloadJson.parse(body, "Australia Post"));
    }

    public static List<CarrierReport> read(JsonNode root) {
        if (!root.path("tracking_results").isArray()) {
            throw new UnreadablePayload("Australia Post payload has no tracking_results: not a Tracking API response");
        }
        List<CarrierReport> reports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode result : root.path("tracking_results")) {
            String id = text(result, "tracking_id");
            List<JsonNode> resultErrors = array(result, "errors");
            if (!resultErrors.isEmpty()) {
                JsonNode error = resultErrors.get(0);
                errors.add("Australia Post item " + id + ": error " + text(error, "code") + " " + text(error, "name"));
                continue;
            }
            for (JsonNode item : array(result, "trackable_items")) {
                if (item.path("items").isArray()) {
                    for (JsonNode article : item.path("items")) {
                        reports.add(article(article, id));
                    }
                } else {
                    reports.add(article(item, id));
                }
            }
        }
        if (reports.isEmpty()) {
            throw new UnreadablePayload(
                    errors.isEmpty() ? "Australia Post response holds no trackable item" : String.join("; ", errors));
        }
        return reports;
    }

    private static CarrierReport article(JsonNode article, @Nullable String trackingId) {
        String number = text(article, "article_id");
        number = number == null ? trackingId : number;
        if (number == null) {
            throw new UnreadablePayload("Australia Post item has neither article_id nor tracking_id");
        }
        List<CarrierEvent> events = new ArrayList<>();
        List<JsonNode> articleEvents = array(article, "events");
        for (int i = 0; i < articleEvents.size(); i++) {
            events.add(event("Australia Post item " + number + ": events[" + i + "]", articleEvents.get(i)));
        }
        return PayloadJson.report(VOCABULARY, "Australia Post", number, null, events);
    }

    private static CarrierEvent event(String where, JsonNode event) {
        String description = text(event, "description");
        if (description == null) {
            throw new UnreadablePayload(where + " has no description");
        }
        String date = text(event, "date");
        if (date == null) {
            throw new UnreadablePayload(where + " has no date");
        }
        try {
            return new CarrierEvent(
                    PayloadJson.instant(date, PayloadJson.zoneOf("AU", "NSW")),
                    description,
                    null,
                    description,
                    location(text(event, "location")));
        } catch (DateTimeException e) {
            throw new UnreadablePayload(where + " has an unreadable date '" + date + "'");
        }
    }

    private static @Nullable EventLocation location(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher country = COUNTRY_SUFFIX.matcher(text);
        if (country.matches()) {
            return PayloadJson.location(country.group(1), null, null, country.group(2));
        }
        Matcher state = STATE_SUFFIX.matcher(text);
        if (state.matches() && STATES.contains(state.group(2))) {
            return PayloadJson.location(state.group(1), state.group(2), null, "AU");
        }
        return PayloadJson.location(text, null, null, null);
    }
}
