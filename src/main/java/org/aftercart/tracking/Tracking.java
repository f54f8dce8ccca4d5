package org.aftercart.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What tracking knows about an order's parcels: the tracking module's read API. */
@Service
@Transactional(readOnly = true)
public class Tracking {

    private final Shipments shipments;
    private final TrackingEvents events;

    private final DeliveryPromises promises;
    private final TrackingFigures figures;
    private final DeliveryPromiseSettings promiseSettings;
    private final Clock clock;

    Tracking(
            Shipments shipments,
            TrackingEvents events,
            DeliveryPromises promises,
            TrackingFigures figures,
            DeliveryPromiseSettings promiseSettings,
            Clock clock) {
        this.shipments = shipments;
        this.events = events;
        this.promises = promises;
        this.figures = figures;
        this.promiseSettings = promiseSettings;
        this.clock = clock;
    }

    /**
     * Parcels on their way whose status is DELAYED, EXCEPTION or ATTEMPT_FAILED, or that the carrier
     * has not scanned for {@code silentFor} (counted from shipping when never scanned); longest silent
     * first.
     */
    public List<StuckParcel> stuckParcels(Duration silentFor, int page, int size) {
        int limit = Math.min(Math.max(size, 1), 500);
        return figures.stuck(clock.instant().minus(silentFor), Math.max(page, 0) * limit, limit);
    }

    public long countStuckParcels(Duration silentFor) {
        return figures.countStuck(clock.instant().minus(silentFor));
    }

    /**
     * Per delivery day in [from, to) (days in the delivery promises' time zone), the parcels
     * delivered with a promise and those that arrived by its latest date.
     */
    public List<DeliveryOnPromise> deliveredOnPromise(Instant from, Instant to) {
        return figures.onPromise(from, to, promiseSettings.timeZone());
    }

    /** Orders with a parcel shipped in [from, to), and the visits of their tracking pages. */
    public TrackingPageVisits pageVisits(Instant from, Instant to) {
        return figures.visits(from, to);
    }

    /** The delivery range to promise when an order is confirmed, before it ships. */
    public ShipmentView.DeliveryPromise expectedDelivery(Instant placedAt) {
        return promises.promiseForNewOrder(placedAt);
    }

    public List<ShipmentView> shipmentsOf(OrderId order) {
        return shipments.ofOrder(order.id()).stream()
                .map(Shipments.Shipment::view)
                .toList();
    }

    /** The parcels to customers with this tracking number (carriers reuse numbers after a while), newest first. */
    public List<ShipmentView> shipmentsByTrackingNumber(String trackingNumber) {
        if (trackingNumber.isBlank()) {
            return List.of();
        }
        return shipments.byTrackingNumber(trackingNumber).stream()
                .map(Shipments.Shipment::view)
                .toList();
    }

    public Optional<ShipmentView> shipment(UUID id) {
        return shipments.find(id).map(Shipments.Shipment::view);
    }

    /** The parcel's checkpoints, newest first. */
    public List<TrackingEventView> timeline(ShipmentView shipment) {
        return shipment.trackingNumber() == null ? List.of() : events.timeline(shipment.trackingNumber());
    }

    public OrderDeliveryStatus deliveryStatusOf(OrderId order) {
        return OrderDeliveryStatus.derive(shipments.ofOrder(order.id()).stream()
                .map(Shipments.Shipment::status)
                .toList());
    }
}
