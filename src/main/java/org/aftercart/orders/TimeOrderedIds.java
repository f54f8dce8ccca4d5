package org.aftercart.orders;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs of version 7 (RFC 9562): a millisecond timestamp, then a counter, then random bits. Ids
 * made one after another sort in that order, so a bulk load appends to the primary-key index
 * instead of writing all over it. Not thread-safe: one generator per load.
 */
final class TimeOrderedIds {

    private static final int COUNTER_LIMIT = 1 << 12;

    private long millis;
    private int counter;

    UUID next() {
        long now = System.currentTimeMillis();
        if (now > millis) {
            millis = now;
            counter = 0;
        } else if (++counter == COUNTER_LIMIT) {
            millis++;
            counter = 0;
        }
        long mostSignificant = (millis << 16) | 0x7000L | counter;
        long leastSignificant = (ThreadLocalRandom.current().nextLong() >>> 2) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
