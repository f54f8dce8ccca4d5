package org.aftercart.tracking.polling;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The carriers that can be polled: every {@link CarrierTrackingClient} bean, plus a {@link
 * HttpJsonTrackingClient} for each configured carrier with a {@code base-url}; each with its rate
 * limit. Two clients for one carrier are refused at start-up.
 */
@Component
class PolledCarriers {

    /** One carrier: its key, its client and the calls it may still make now. */
    record Carrier(String key, CarrierTrackingClient client, @Nullable Bucket limit) {

        /** Takes one call from the carrier's allowance; false when the limit is reached for now. */
        boolean tryCall() {
            return limit == null || limit.tryConsume(1);
        }

        /** Gives back a call that was not made after all. */
        void giveBack() {
            if (limit != null) {
                limit.addTokens(1);
            }
        }
    }

    private final Map<String, Carrier> carriers;

    PolledCarriers(ObjectProvider<CarrierTrackingClient> beans, PollingSettings settings, Clock clock) {
        Map<String, CarrierTrackingClient> clients = new LinkedHashMap<>();
        beans.orderedStream().forEach(client -> add(clients, client));
        settings.carriers().forEach((name, carrier) -> {
            if (carrier.baseUrl() != null) {
                add(
                        clients,
                        new HttpJsonTrackingClient(name, carrier, settings.connectTimeout(), settings.readTimeout()));
            }
        });
        TimeMeter time = new ClockTime(clock);
        Map<String, Carrier> carriers = new LinkedHashMap<>();
        clients.forEach(
                (key, client) -> carriers.put(key, new Carrier(key, client, limit(settings.carrier(key), time))));
        this.carriers = Map.copyOf(carriers);
    }

    Collection<Carrier> all() {
        return carriers.values();
    }

    List<String> keys() {
        return List.copyOf(carriers.keySet());
    }

    private static void add(Map<String, CarrierTrackingClient> clients, CarrierTrackingClient client) {
        String key = CarrierKeys.of(client.carrier());
        if (key.isEmpty()) {
            throw new IllegalStateException("A carrier client needs a carrier name with letters or digits");
        }
        if (clients.putIfAbsent(key, client) != null) {
            throw new IllegalStateException("Two clients poll carrier " + client.carrier()
                    + ": a client bean and a base-url in aftercart.tracking.polling.carriers?");
        }
    }

    /**
     * A token bucket per carrier: at most N calls in each second and/or minute of the bucket's
     * timeline, refilled at once when the window ends (so a window never sees more than N calls).
     */
    private static @Nullable Bucket limit(PollingSettings.Carrier settings, TimeMeter time) {
        if (settings.requestsPerSecond() == 0 && settings.requestsPerMinute() == 0) {
            return null;
        }
        LocalBucketBuilder bucket = Bucket.builder().withCustomTimePrecision(time);
        if (settings.requestsPerSecond() > 0) {
            int n = settings.requestsPerSecond();
            bucket.addLimit(limit -> limit.capacity(n).refillIntervally(n, Duration.ofSeconds(1)));
        }
        if (settings.requestsPerMinute() > 0) {
            int n = settings.requestsPerMinute();
            bucket.addLimit(limit -> limit.capacity(n).refillIntervally(n, Duration.ofMinutes(1)));
        }
        return bucket.build();
    }

    /** Bucket4j reads the time from the application's clock, so that tests can move it. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            var now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
