package org.aftercart.tracking.carriers;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.EventLocation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON access, dates and countries shared by the carrier parsers. */
final class PayloadJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** ISO 8601 date and time, {@code T} or a space between them, with or without an offset ({@code Z}, {@code +02:00} or {@code +0200}). */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final Set<String> ISO2 = Set.of(Locale.getISOCountries());

    private static final Map<String, String> ISO3_TO_ISO2 = iso3ToIso2();

    private PayloadJson() {}

    /** The body as a JSON tree; {@code source} names the sender in the refusal ("EasyPost"). */
    static JsonNode parse(byte[] body, String source) {
        if (body.length == 0) {
            throw new UnreadablePayload(source + " payload is empty");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new UnreadablePayload(source + " payload is empty");
            }
            return root;
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
            int end = message.indexOf('\n');
            message = end > 0 ? message.substring(0, end) : message;
            var location = e.getLocation();
            String where = location == null
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            throw new UnreadablePayload(source + " payload is not valid JSON: " + abbreviate(message) + where);
        }
    }

    /** A scalar field as trimmed text (numbers as written), or null when absent, null, a container or blank. */
    static @Nullable String text(JsonNode node, String field) {
        return text(node.path(field));
    }

    static @Nullable String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The elements of an array field, or none when the field is absent or not an array. */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isArray() ? List.copyOf(value.values()) : List.of();
    }

    /** The first element of an array field, or a missing node. */
    static JsonNode first(JsonNode node, String field) {
        return node.path(field).path(0);
    }

    /**
     * An ISO 3166-1 country as alpha-2: alpha-2 codes are kept, alpha-3 codes ({@code DEU}, {@code
     * USA}) converted; anything else (a country name, a placeholder) gives null.
     */
    static @Nullable String country(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (upper.length() == 2) {
            return ISO2.contains(upper) ? upper : null;
        }
        return upper.length() == 3 ? ISO3_TO_ISO2.get(upper) : null;
    }

    static @Nullable EventLocation location(
            @Nullable String city, @Nullable String region, @Nullable String postcode, @Nullable String country) {
        EventLocation location = new EventLocation(city, region, postcode, country(country));
        return location.isEmpty() ? null : location;
    }

    /**
     * A date and time; when the text has no offset it is read in {@code zoneWithoutOffset}.
     *
     * @throws DateTimeException when the text is not an ISO 8601 date and time
     */
    static Instant instant(String text, ZoneId zoneWithoutOffset) {
        TemporalAccessor parsed = DATE_TIME.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime withOffset
                ? withOffset.toInstant()
                : ((LocalDateTime) parsed).atZone(zoneWithoutOffset).toInstant();
    }

    /** True when the text is a date and time with an offset or {@code Z}. */
    static boolean hasOffset(String text) {
        try {
            return DATE_TIME.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from)
                    instanceof OffsetDateTime;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The calendar date at the start of a date or date-time text ({@code 2024-11-07T18:00:00} gives 2024-11-07), or null. */
    static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The report, with its events in time order (oldest first; events at the same instant keep the
     * order they were read in). Carriers list events newest first, oldest first or unordered.
     */
    static CarrierReport report(
            String vocabulary,
            String carrier,
            String trackingNumber,
            @Nullable LocalDate estimate,
            List<CarrierEvent> events) {
        List<CarrierEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(CarrierEvent::occurredAt));
        return new CarrierReport(vocabulary, carrier, trackingNumber, estimate, sorted);
    }

    /** The time zone for a local time at a place; see {@link PlaceZones}. */
    static ZoneId zoneOf(@Nullable String country, @Nullable String region) {
        return PlaceZones.zoneOf(country(country), region);
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static Map<String, String> iso3ToIso2() {
        Map<String, String> codes = new HashMap<>();
        for (String iso2 : Locale.getISOCountries()) {
            try {
                codes.put(Locale.of("", iso2).getISO3Country(), iso2);
            } catch (MissingResourceException e) {
                // no alpha-3 code known for this country
            }
        }
        return Map.copyOf(codes);
    }
}
