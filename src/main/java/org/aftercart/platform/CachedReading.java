package org.aftercart.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value read from the database for a gauge, kept for a few seconds: a scrape reads several gauges
 * of one query, and several scrapers (or a dashboard refreshing) may ask at once, yet the query runs
 * at most once per {@code keepFor}. A failed read keeps the last value rather than failing the scrape.
 */
public final class CachedReading<T> implements Supplier<T> {

    private final Duration keepFor;
    private final Supplier<T> read;
    private final Clock clock;
    private final T initial;

    private @Nullable T value;
    private Instant readAt = Instant.MIN;

    public CachedReading(Duration keepFor, Supplier<T> read, T initial, Clock clock) {
        this.keepFor = keepFor;
        this.read = read;
        this.initial = initial;
        this.clock = clock;
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(readAt.plus(keepFor))) {
            try {
                value = read.get();
            } catch (RuntimeException databaseDown) {
                // The readiness probe reports the database; a gauge keeps its last known value.
                if (value == null) {
                    value = initial;
                }
            }
            readAt = now;
        }
        return value;
    }
}
