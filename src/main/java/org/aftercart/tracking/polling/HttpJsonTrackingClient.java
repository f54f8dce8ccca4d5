package org.aftercart.tracking.polling;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aftercart.shared.RetryAfter;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.EventLocation;
import org.aftercart.tracking.TrackingStatus;
import org.aftercart.tracking.carriers.UnreadablePayload;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic carrier client: asks a carrier (or a gateway in front of it) over HTTP and reads the
 * answer in the canonical shape, whose status codes already are Aftercart's {@link TrackingStatus}
 * names (vocabulary {@code canonical}).
 *
 * <p>Request: {@code POST <base-url>} with the API key header when one is configured, {@code
 * Content-Type: application/json} and the body
 *
 * <pre>{@code
 * {"tracking_numbers": ["1Z999AA10123456784", "9400111899223197428490"]}
 * }</pre>
 *
 * <p>Answer ({@code 200}), one entry per parcel the carrier knows; parcels it does not know are
 * left out. Every field but {@code tracking_number}, {@code occurred_at} and {@code status} may be
 * absent; other fields are ignored.
 *
 * <pre>{@code
 * {"shipments": [{
 *     "tracking_number": "1Z999AA10123456784",
 *     "carrier": "UPS",
 *     "estimated_delivery": "2026-11-24",
 *     "events": [{
 *         "occurred_at": "2026-11-20T08:00:00Z",
 *         "status": "IN_TRANSIT",
 *         "detail": "departed_facility",
 *         "description": "Departed from facility",
 *         "location": {"city": "Lyon", "region": "ARA", "postcode": "69001", "country": "FR"}
 *     }]
 * }]}
 * }</pre>
 *
 * Any other status code fails the poll ({@link CarrierUnavailable}, with {@code Retry-After} in
 * seconds when the carrier sent one); an answer of another shape fails it too ({@link
 * UnreadablePayload}).
 */
public class HttpJsonTrackingClient implements CarrierTrackingClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> STATUSES =
            EnumSet.allOf(TrackingStatus.class).stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final String carrier;
    private final URI baseUrl;
    private final int maxPerCall;
    private final RestClient http;

    public HttpJsonTrackingClient(
            String carrier, PollingSettings.Carrier settings, Duration connectTimeout, Duration readTimeout) {
        if (settings.baseUrl() == null) {
            throw new IllegalArgumentException("Carrier " + carrier + " has no base-url");
        }
        this.carrier = carrier;
        this.baseUrl = settings.baseUrl();
        this.maxPerCall = settings.maxPerCall();
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(readTimeout);
        RestClient.Builder builder = RestClient.builder().requestFactory(requests);
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            builder.defaultHeader(settings.apiKeyHeader(), settings.apiKey());
        }
        this.http = builder.build();
    }

    @Override
    public String carrier() {
        return carrier;
    }

    @Override
    public int maxPerCall() {
        return maxPerCall;
    }

    @Override
    public Response poll(List<String> trackingNumbers) {
        String question = JSON.writeValueAsString(Map.of("tracking_numbers", trackingNumbers));
        String answer = http.post()
                .uri(baseUrl)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(question)
                .exchange((request, response) -> {
                    String body = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new CarrierUnavailable(
                                carrier + " answered "
                                        + response.getStatusCode().value() + ": " + abbreviate(body),
                                RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), Instant.now())
                                        .orElse(null));
                    }
                    return body;
                });
        return new Response(answer, parse(carrier, answer));
    }

    /** Reads an answer in the canonical shape (see above). */
    static List<CarrierReport> parse(String carrier, String body) {
        Answer answer;
        try {
            answer = JSON.readValue(body, Answer.class);
        } catch (JacksonException e) {
            throw new UnreadablePayload(carrier + " answered in another shape: " + e.getOriginalMessage());
        }
        if (answer == null || answer.shipments() == null) {
            throw new UnreadablePayload(carrier + " answered without \"shipments\"");
        }
        List<CarrierReport> reports = new ArrayList<>();
        for (Answer.Shipment shipment : answer.shipments()) {
            if (shipment == null
                    || shipment.trackingNumber() == null
                    || shipment.trackingNumber().isBlank()) {
                throw new UnreadablePayload(carrier + " answered a shipment without \"tracking_number\"");
            }
            List<CarrierEvent> events = new ArrayList<>();
            for (Answer.Event event : shipment.events() == null ? List.<Answer.Event>of() : shipment.events()) {
                if (event == null || event.occurredAt() == null || event.status() == null) {
                    throw new UnreadablePayload(carrier + " answered an event of " + shipment.trackingNumber()
                            + " without \"occurred_at\" or \"status\"");
                }
                if (!STATUSES.contains(event.status())) {
                    throw new UnreadablePayload(
                            carrier + " answered status \"" + event.status() + "\", which is not a canonical status");
                }
                Answer.Location where = event.location();
                EventLocation location = where == null
                        ? null
                        : new EventLocation(where.city(), where.region(), where.postcode(), where.country());
                events.add(new CarrierEvent(
                        event.occurredAt().toInstant(),
                        event.status(),
                        event.detail(),
                        event.description(),
                        location == null || location.isEmpty() ? null : location));
            }
            reports.add(new CarrierReport(
                    "canonical",
                    shipment.carrier() == null ? carrier : shipment.carrier(),
                    shipment.trackingNumber(),
                    shipment.estimatedDelivery(),
                    events));
        }
        return reports;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private record Answer(@Nullable List<Shipment> shipments) {

        record Shipment(
                @Nullable String trackingNumber,
                @Nullable String carrier,
                @Nullable LocalDate estimatedDelivery,
                @Nullable List<Event> events) {}

        record Event(
                @Nullable OffsetDateTime occurredAt,
                @Nullable String status,
                @Nullable String detail,
                @Nullable String description,
                @Nullable Location location) {}

        record Location(
                @Nullable String city, @Nullable String region, @Nullable String postcode, @Nullable String country) {}
    }
}
