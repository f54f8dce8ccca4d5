package org.aftercart.tracking;

import java.util.List;
import org.aftercart.fulfillment.ParcelShipped;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.ShippingAddress;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts following a parcel once it has shipped. After the shipping transaction commits, through
 * the event publication registry, so a failure here never undoes a shipment and is retried.
 */
@Component
class ShipmentRegistration {

    private final TrackingIntake intake;
    private final OrderManagement orders;

    ShipmentRegistration(TrackingIntake intake, OrderManagement orders) {
        this.intake = intake;
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(ParcelShipped shipped) {
        ShippingAddress destination = orders.find(new OrderId(shipped.orderId()))
                .map(order -> order.shipTo())
                .orElse(null);
        List<ShipmentView.Item> items = shipped.items().stream()
                .map(item -> new ShipmentView.Item(item.orderLineId(), item.sku(), item.quantity()))
                .toList();
        intake.register(new Shipments.Shipment(
                new ShipmentView(
                        shipped.parcelId(),
                        shipped.orderId(),
                        shipped.orderNumber(),
                        shipped.carrier(),
                        shipped.service(),
                        shipped.trackingNumber() == null ? null : TrackingIntake.normalise(shipped.trackingNumber()),
                        TrackingStatus.LABEL_CREATED,
                        null,
                        shipped.shippedAt(),
                        null,
                        null,
                        null,
                        null,
                        destination == null ? null : destination.country(),
                        items),
                shipped.locationCode(),
                destination == null ? null : destination.region(),
                destination == null ? null : destination.postcode(),
                null,
                null));
    }
}
