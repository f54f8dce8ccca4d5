package org.aftercart.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows the parcels customers send back, by their carrier's tracking number, with the same
 * checkpoints and forward-only rules as outgoing parcels; each move is published as {@link
 * ReturnParcelMoved}.
 */
@Service
public class ReturnParcels {

    /** A return parcel as the returns module registers it. */
    public record Registration(
            UUID parcelId, UUID returnId, String returnNumber, UUID orderId, String carrier, String trackingNumber) {}

    private record Parcel(
            UUID id,
            UUID returnId,
            String returnNumber,
            String carrier,
            String trackingNumber,
            TrackingStatus status,
            @Nullable Instant statusAt) {}

    private final JdbcClient jdbc;
    private final TrackingEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ReturnParcels(JdbcClient jdbc, TrackingEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Starts following a return parcel (once per parcel id) and applies what its carrier already
     * reported. Runs in the caller's transaction.
     */
    @Transactional
    public void register(Registration registration) {
        String number = TrackingIntake.normalise(registration.trackingNumber());
        events.lockTrackingNumbers(Set.of(number));
        int inserted = jdbc.sql(
                        """
                        insert into tracking.return_parcels (id, return_id, return_number, order_id, carrier,
                            tracking_number, status, registered_at)
                        values (?, ?, ?, ?, ?, ?, 'LABEL_CREATED', ?) on conflict (id) do nothing
                        """)
                .params(
                        registration.parcelId(),
                        registration.returnId(),
                        registration.returnNumber(),
                        registration.orderId(),
                        registration.carrier(),
                        number,
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted > 0) {
            follow(Set.of(number));
        }
    }

    /**
     * Moves the return parcels with these tracking numbers to their newest checkpoint's status; the
     * numbers must be locked by the caller. Returns how many moved.
     */
    int follow(Collection<String> trackingNumbers) {
        if (trackingNumbers.isEmpty()) {
            return 0;
        }
        List<Parcel> parcels = jdbc.sql(
                        """
                        select id, return_id, return_number, carrier, tracking_number, status, status_at
                        from tracking.return_parcels where tracking_number = any(?) order by id for update
                        """)
                .param(trackingNumbers.toArray(String[]::new))
                .query((rs, row) -> new Parcel(
                        rs.getObject("id", UUID.class),
                        rs.getObject("return_id", UUID.class),
                        rs.getString("return_number"),
                        rs.getString("carrier"),
                        rs.getString("tracking_number"),
                        TrackingStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("status_at") == null
                                ? null
                                : rs.getTimestamp("status_at").toInstant()))
                .list();
        if (parcels.isEmpty()) {
            return 0;
        }
        Map<String, TrackingEvents.Latest> latest =
                events.latestKnown(parcels.stream().map(Parcel::trackingNumber).toList());
        int moved = 0;
        for (Parcel parcel : parcels) {
            TrackingEvents.Latest newest = latest.get(parcel.trackingNumber());
            if (newest == null
                    || parcel.status().isFinal()
                    || newest.status() == parcel.status()
                    || (parcel.statusAt() != null && !newest.occurredAt().isAfter(parcel.statusAt()))) {
                continue;
            }
            boolean delivered = newest.status() == TrackingStatus.DELIVERED;
            jdbc.sql(
                            """
                            update tracking.return_parcels set status = ?, status_at = ?,
                                delivered_at = coalesce(delivered_at, ?) where id = ?
                            """)
                    .params(
                            newest.status().name(),
                            Timestamp.from(newest.occurredAt()),
                            delivered ? Timestamp.from(newest.occurredAt()) : null,
                            parcel.id())
                    .update();
            publisher.publishEvent(new ReturnParcelMoved(
                    parcel.id(),
                    parcel.returnId(),
                    parcel.returnNumber(),
                    parcel.carrier(),
                    parcel.trackingNumber(),
                    parcel.status(),
                    newest.status(),
                    newest.description(),
                    newest.occurredAt()));
            moved++;
        }
        return moved;
    }

    /** The tracking numbers among these that belong to return parcels. */
    Set<String> known(Collection<String> trackingNumbers) {
        return Set.copyOf(
                jdbc.sql("select distinct tracking_number from tracking.return_parcels where tracking_number = any(?)")
                        .param(trackingNumbers.toArray(String[]::new))
                        .query(String.class)
                        .list());
    }
}
