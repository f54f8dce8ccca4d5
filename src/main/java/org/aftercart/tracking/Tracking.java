package org.aftercart.tracking;

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

    Tracking(Shipments shipments, TrackingEvents events, DeliveryPromises promises) {
        this.shipments = shipments;
        this.events = events;
        this.promises = promises;
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
