package org.aftercart.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read from the database and kept for a while, so that it is read at most once per {@code
 * keepFor} however many callers ask: a setting every page asks for (the brand, the return policy, the
 * carrier mapping overrides), or several gauges of one query that scrapers ask for at once. A change
 * made on another instance shows here within {@code keepFor}; the instance that makes it calls {@link
 * #invalidate()}, so its own change shows at once.
 *
 * <p>A failed read fails the caller and is tried again on the next call ({@link #of}), except for a
 * gauge ({@link #keepingLastOnFailure}), which keeps its last value rather than failing the scrape.
 */
public final class CachedReading<T> implements Supplier<T> {

    private final Duration keepFor;
    private final Supplier<T> read;
    private final Clock clock;
    /** What a gauge shows when even its first read fails; {@code null}: a failed read fails the caller. */
    private final @Nullable T whenFirstReadFails;

    private @Nullable T value;
    /** When {@link #value} was read; {@code null}: read again on the next call. */
    private @Nullable Instant readAt;

    private CachedReading(Duration keepFor, Supplier<T> read, @Nullable T whenFirstReadFails, Clock clock) {
        this.keepFor = keepFor;
        this.read = read;
        this.whenFirstReadFails = whenFirstReadFails;
        this.clock = clock;
    }

    /** A reading whose failures reach the caller; {@code read} never answers null (use an Optional). */
    public static <T> CachedReading<T> of(Duration keepFor, Supplier<T> read, Clock clock) {
        return new CachedReading<>(keepFor, read, null, clock);
    }

    /** A gauge's reading: a failed read keeps the last value (or {@code initial}) until the next try. */
    public static <T> CachedReading<T> keepingLastOnFailure(
            Duration keepFor, Supplier<T> read, T initial, Clock clock) {
        return new CachedReading<>(keepFor, read, initial, clock);
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (value == null || readAt == null || !now.isBefore(readAt.plus(keepFor))) {
            if (whenFirstReadFails == null) {
                value = read.get();
            } else {
                try {
                    value = read.get();
                } catch (RuntimeException databaseDown) {
                    // The readiness probe reports the database; a gauge keeps its last known value.
                    if (value == null) {
                        value = whenFirstReadFails;
                    }
                }
            }
            readAt = now;
        }
        return value;
    }

    /**
     * Reads again on the next call: at once, and, inside a transaction, again when it ends, since a
     * read made before the commit (or on a rollback) would keep what the database no longer holds.
     */
    public void invalidate() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private synchronized void forget() {
        readAt = null;
    }
}
