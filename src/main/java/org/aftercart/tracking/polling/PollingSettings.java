package org.aftercart.tracking.polling;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of carrier polling ({@code aftercart.tracking.polling.*}).
 *
 * @param enabled whether rounds run on their own, every {@code every}
 * @param every the pause between the end of one round and the start of the next
 * @param firstInterval the wait after a poll that brought news (and the first wait after a quiet
 *     one is twice this, then four times, … up to {@code maxInterval})
 * @param maxInterval the longest wait between two polls of a parcel
 * @param errorInterval the first wait after a failed poll, doubled with each failure in a row (up
 *     to {@code maxInterval}), with jitter
 * @param retireAfter a parcel whose polls have brought nothing new for this long is no longer polled
 * @param claimLease how long an instance holds the parcels it is polling; past this, another
 *     instance may take them (the first one died)
 * @param connectTimeout connect timeout of the HTTP client
 * @param readTimeout time allowed for a carrier's answer
 * @param carriers per carrier, by name (compared without case, spaces or punctuation)
 */
@ConfigurationProperties("aftercart.tracking.polling")
public record PollingSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("PT1M") Duration every,
        @DefaultValue("PT15M") Duration firstInterval,
        @DefaultValue("PT12H") Duration maxInterval,
        @DefaultValue("PT5M") Duration errorInterval,
        @DefaultValue("P30D") Duration retireAfter,
        @DefaultValue("PT2M") Duration claimLease,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration readTimeout,
        @Nullable Map<String, Carrier> carriers) {

    public PollingSettings {
        carriers = carriers == null ? Map.of() : Map.copyOf(carriers);
        for (Duration d : new Duration[] {firstInterval, maxInterval, errorInterval, retireAfter, claimLease}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("aftercart.tracking.polling durations must be positive");
            }
        }
        if (maxInterval.compareTo(firstInterval) < 0) {
            throw new IllegalArgumentException(
                    "aftercart.tracking.polling.max-interval must not be shorter than first-interval");
        }
    }

    /** The settings of one carrier, or the defaults (no limit) when it has none. */
    public Carrier carrier(String key) {
        return carriers.entrySet().stream()
                .filter(e -> CarrierKeys.of(e.getKey()).equals(key))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(new Carrier(null, "X-Api-Key", null, 10, 0, 0));
    }

    /**
     * One carrier.
     *
     * @param baseUrl where the generic HTTP JSON client posts its questions; without it, the carrier
     *     needs a client bean of its own
     * @param apiKeyHeader the header that carries {@code apiKey}
     * @param apiKey the key, when the carrier wants one
     * @param maxPerCall how many tracking numbers one call of the generic client asks about
     * @param requestsPerSecond the most calls in one second (0: no limit)
     * @param requestsPerMinute the most calls in one minute (0: no limit)
     */
    public record Carrier(
            @Nullable URI baseUrl,
            @DefaultValue("X-Api-Key") String apiKeyHeader,
            @Nullable String apiKey,
            @DefaultValue("10") int maxPerCall,
            @DefaultValue("0") int requestsPerSecond,
            @DefaultValue("0") int requestsPerMinute) {

        public Carrier {
            if (maxPerCall < 1 || requestsPerSecond < 0 || requestsPerMinute < 0) {
                throw new IllegalArgumentException("A polled carrier asks about at least one parcel per call,"
                        + " and its rate limits are not negative");
            }
        }
    }
}
