package org.aftercart.tracking.polling;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A carrier refused or failed a poll (an HTTP error status, throttling). The parcels asked about
 * are polled again later, after a back-off.
 *
 * @see #retryAfter()
 */
public class CarrierUnavailable extends RuntimeException {

    private final @Nullable Duration retryAfter;

    public CarrierUnavailable(String message, @Nullable Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the carrier asked us to wait (e.g. HTTP {@code Retry-After}), when it said. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
