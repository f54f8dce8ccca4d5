package org.aftercart.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
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
    /** Held while reading, so that one caller reads and the others keep the last value meanwhile. */
    private final ReentrantLock reading = new ReentrantLock();

    private volatile @Nullable T value;
    /** When {@link #value} was read; {@code null}: read again on the next call. */
    private volatile @Nullable Instant readAt;

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

    /**
     * The value, read again when it is older than {@code keepFor}. While one caller reads it again,
     * the others get the last value rather than wait in line behind a slow or unreachable database;
     * only before the first read do they wait.
     */
    @Override
    public T get() {
        T last = value;
        if (last != null && isFresh()) {
            return last;
        }
        if (last == null) {
            reading.lock();
        } else if (!reading.tryLock()) {
            return last;
        }
        try {
            T current = value;
            if (current != null && isFresh()) {
                return current;
            }
            Instant now = clock.instant();
            if (whenFirstReadFails == null) {
                current = read.get();
            } else {
                try {
                    current = read.get();
                } catch (RuntimeException databaseDown) {
                    // The readiness probe reports the database; a gauge keeps its last known value.
                    current = current == null ? whenFirstReadFails : current;
                }
            }
            value = current;
            readAt = now;
            return current;
        } finally {
            reading.unlock();
        }
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

    private boolean isFresh() {
        Instant at = readAt;
        return at != null && clock.instant().isBefore(at.plus(keepFor));
    }

    /** Waits for a read under way, so that what it read before the change is not kept after it. */
    private void forget() {
        reading.lock();
        try {
            readAt = null;
        } finally {
            reading.unlock();
        }
    }
}
