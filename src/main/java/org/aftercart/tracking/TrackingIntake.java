package org.aftercart.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.platform.AfterCommit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in what carriers report, from any source: stores the payload and its checkpoints
 * (append-only, de-duplicated), then moves each parcel with that tracking number to the status of
 * its newest checkpoint. Events arriving out of order are stored in event-time order and an older
 * one never moves a parcel back; a final status (delivered, cancelled, returning to sender) is only
 * left through an audited {@linkplain #correct correction}. Checkpoints for a tracking number no
 * parcel has yet are kept and apply as soon as a parcel with that number ships.
 */
@Service
public class TrackingIntake {

    /** What one payload did. */
    public record Outcome(int eventsStored, int duplicates, List<String> unknownTrackingNumbers, int statusChanges) {}

    private final TrackingEvents events;
    private final Shipments shipments;
    private final StatusMappings mappings;
    private final DeliveryPromises promises;
    private final OrderManagement orders;
    private final ReturnParcels returnParcels;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;

    TrackingIntake(
            TrackingEvents events,
            Shipments shipments,
            StatusMappings mappings,
            DeliveryPromises promises,
            OrderManagement orders,
            ReturnParcels returnParcels,
            ApplicationEventPublisher publisher,
            JdbcClient jdbc,
            MeterRegistry meters,
            Clock clock) {
        this.events = events;
        this.shipments = shipments;
        this.mappings = mappings;
        this.promises = promises;
        this.orders = orders;
        this.returnParcels = returnParcels;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Takes in one payload with the reports parsed from it, in one transaction.
     *
     * @param source who sent it: {@code easypost}, {@code aftership}, {@code generic}, {@code poll:ups}
     * @param rawBody the payload as it arrived, kept for audit and replays; null when there is none
     */
    @Transactional
    public Outcome accept(String source, @Nullable String rawBody, List<CarrierReport> reports) {
        Instant receivedAt = clock.instant();
        UUID payloadId = rawBody == null ? null : events.storePayload(source, rawBody, receivedAt);
        // Set-based from here: a payload of many parcels costs a handful of statements, not a few per parcel.
        List<TrackingEvents.Checkpoint> checkpoints = new ArrayList<>();
        Map<String, Instant> newestEvent = new HashMap<>();
        Map<String, LocalDate> estimates = new HashMap<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (CarrierReport report : reports) {
            String trackingNumber = normalise(report.trackingNumber());
            numbers.add(trackingNumber);
            for (CarrierEvent event : report.events()) {
                checkpoints.add(new TrackingEvents.Checkpoint(
                        trackingNumber,
                        report.carrier(),
                        report.vocabulary(),
                        event,
                        mappings.map(report.vocabulary(), event.code(), event.detail())));
                newestEvent.merge(trackingNumber, event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            if (report.carrierEstimate() != null) {
                estimates.put(trackingNumber, report.carrierEstimate());
            }
        }
        events.lockTrackingNumbers(numbers);
        Map<String, Integer> added = events.append(source, checkpoints, payloadId, receivedAt);
        int stored = added.values().stream().mapToInt(Integer::intValue).sum();
        List<Shipments.Shipment> parcels = shipments.lockByTrackingNumbers(numbers);
        Set<String> unknown = new LinkedHashSet<>(numbers);
        parcels.forEach(parcel -> unknown.remove(parcel.view().trackingNumber()));
        Set<String> returning = returnParcels.known(numbers);
        unknown.removeAll(returning);
        // Numbers whose reports were all re-sent tell the parcels nothing new.
        Set<String> news = numbers.stream()
                .filter(n -> !unknown.contains(n))
                .filter(n -> added.containsKey(n) || estimates.containsKey(n))
                .collect(Collectors.toSet());
        int changes = 0;
        if (!news.isEmpty()) {
            shipments.recordActivity(news, newestEvent, estimates);
            Map<String, TrackingEvents.Latest> latest = events.latestKnown(news);
            for (Shipments.Shipment parcel : parcels) {
                String number = parcel.view().trackingNumber();
                if (news.contains(number)
                        && follow(
                                parcel.withActivity(newestEvent.get(number), estimates.get(number)),
                                latest.get(number))) {
                    changes++;
                }
            }
        }
        changes += returnParcels.follow(
                returning.stream().filter(n -> added.containsKey(n)).toList());
        int duplicates = checkpoints.size() - stored;
        AfterCommit.run(() -> {
            carrierEvents(source, "stored").increment(stored);
            carrierEvents(source, "duplicate").increment(duplicates);
        });
        return new Outcome(stored, duplicates, List.copyOf(unknown), changes);
    }

    /** Carrier checkpoints taken in, by source ({@code easypost}, {@code generic}, {@code poll:ups}, …). */
    private Counter carrierEvents(String source, String result) {
        return Counter.builder("aftercart.carrier.events")
                .description("Carrier checkpoints received, by source: stored, or a duplicate of one already stored")
                .tag("source", source)
                .tag("result", result)
                .register(meters);
    }

    /**
     * Sets a parcel's status by hand or on a carrier's explicit correction, whatever the flow of
     * events says; recorded with who and why.
     */
    @Transactional
    public ShipmentView correct(UUID shipmentId, TrackingStatus status, String reason, String actor) {
        Shipments.Shipment parcel = shipments.lock(shipmentId).orElseThrow(() -> new ShipmentNotFound(shipmentId));
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A correction needs a reason");
        }
        Instant now = clock.instant();
        jdbc.sql(
                        """
                        insert into tracking.corrections (shipment_id, from_status, to_status, reason, actor, corrected_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(shipmentId, parcel.status().name(), status.name(), reason, actor, Timestamp.from(now))
                .update();
        move(parcel, status, now, "Corrected: " + reason, true);
        return shipments.find(shipmentId).orElseThrow().view();
    }

    /** Registers a parcel that just shipped and applies what its carrier already said about it. */
    @Transactional
    void register(Shipments.Shipment parcel) {
        if (shipments.exists(parcel.id())) {
            return; // the shipped event was delivered twice
        }
        String trackingNumber = parcel.view().trackingNumber();
        if (trackingNumber != null) {
            events.lockTrackingNumbers(Set.of(trackingNumber));
        }
        shipments.insert(parcel);
        if (trackingNumber != null) {
            events.latestActivity(trackingNumber)
                    .ifPresent(latest ->
                            shipments.recordActivity(Set.of(trackingNumber), Map.of(trackingNumber, latest), Map.of()));
        }
        // The row is this transaction's own: read it, no need to lock it.
        Shipments.Shipment registered = shipments.find(parcel.id()).orElseThrow();
        if (promises.refresh(registered)) {
            registered = shipments.find(parcel.id()).orElseThrow();
        }
        publisher.publishEvent(new ShipmentShipped(registered.view()));
        if (trackingNumber != null) {
            follow(registered, events.latestKnown(Set.of(trackingNumber)).get(trackingNumber));
        }
    }

    /** Moves the parcel to its newest checkpoint's status when the rules allow; true when it moved. */
    private boolean follow(Shipments.Shipment parcel, TrackingEvents.@Nullable Latest latest) {
        if (parcel.status().isFinal()) {
            return false;
        }
        if (latest == null
                || latest.status() == parcel.status()
                || (parcel.view().statusAt() != null
                        && !latest.occurredAt().isAfter(parcel.view().statusAt()))) {
            promises.refresh(parcel);
            return false;
        }
        move(parcel, latest.status(), latest.occurredAt(), latest.description(), false);
        return true;
    }

    private void move(
            Shipments.Shipment parcel,
            TrackingStatus status,
            Instant at,
            @Nullable String description,
            boolean correction) {
        TrackingStatus previous = parcel.status();
        boolean delivered = status == TrackingStatus.DELIVERED;
        shipments.updateStatus(parcel.id(), status, at, delivered ? at : null);
        Shipments.Shipment moved = shipments.find(parcel.id()).orElseThrow();
        if (promises.refresh(moved)) {
            moved = shipments.find(parcel.id()).orElseThrow();
        }
        if (delivered) {
            Map<UUID, Integer> units = moved.view().items().stream()
                    .collect(Collectors.toMap(
                            ShipmentView.Item::orderLineId, ShipmentView.Item::quantity, Integer::sum));
            orders.recordDelivery(
                    new OrderId(parcel.view().orderId()),
                    units,
                    "Delivered by " + parcel.view().carrier() + " ("
                            + parcel.view().trackingNumber() + ")",
                    "tracking");
        }
        publisher.publishEvent(new ShipmentStatusChanged(moved.view(), previous, status, description, at, correction));
    }

    /** Tracking numbers are compared without spaces and case, as carriers print them both ways. */
    static String normalise(String trackingNumber) {
        return trackingNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
