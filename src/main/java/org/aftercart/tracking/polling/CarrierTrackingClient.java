package org.aftercart.tracking.polling;

import java.util.List;
import org.aftercart.tracking.CarrierReport;
import org.jspecify.annotations.Nullable;

/**
 * The port through which tracking asks a carrier where its parcels are, for carriers that do not
 * push. Implementations are Spring beans (one per carrier); carriers configured with a {@code
 * base-url} under {@code aftercart.tracking.polling.carriers} get the generic {@link
 * HttpJsonTrackingClient}. A client only asks and parses: scheduling, back-off, rate limits and
 * storing are the poller's.
 */
public interface CarrierTrackingClient {

    /**
     * The carrier this client asks, as parcels name it when they ship (compared without case,
     * spaces or punctuation: {@code la-poste} serves parcels shipped with {@code La Poste}).
     */
    String carrier();

    /** How many tracking numbers one call may ask about. */
    default int maxPerCall() {
        return 1;
    }

    /**
     * Asks about these parcels in one call. Numbers the carrier does not know yet are simply left
     * out of the answer.
     *
     * @throws CarrierUnavailable when the carrier refuses or fails (any other runtime exception, e.g.
     *     a timeout or an unreadable answer, is a failure too)
     */
    Response poll(List<String> trackingNumbers);

    /**
     * What the carrier answered.
     *
     * @param rawBody the answer as it arrived, kept for audit and replays
     */
    record Response(@Nullable String rawBody, List<CarrierReport> reports) {

        public Response {
            reports = List.copyOf(reports);
        }
    }
}
