package org.aftercart.tracking.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock that tests move forward by hand. */
final class MutableClock extends Clock {

    // PostgreSQL keeps microseconds: whole milliseconds compare equal after a round trip.
    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }

    synchronized Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }
}
