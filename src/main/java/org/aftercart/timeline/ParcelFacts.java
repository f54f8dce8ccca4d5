package org.aftercart.timeline;

import java.util.Locale;
import org.aftercart.tracking.ShipmentDelayed;
import org.aftercart.tracking.ShipmentShipped;
import org.aftercart.tracking.ShipmentStatusChanged;
import org.aftercart.tracking.ShipmentView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Parcels to the customer: shipped, each change of tracking status, judged late. */
@Component
class ParcelFacts {

    private final TimelineRecorder recorder;

    ParcelFacts(TimelineRecorder recorder) {
        this.recorder = recorder;
    }

    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        ShipmentView parcel = shipped.shipment();
        recorder.record(
                "parcel:" + parcel.id() + ":shipped",
                null,
                parcel.orderId(),
                "parcel.shipped",
                "Parcel of order " + parcel.orderNumber() + " shipped with " + parcel.carrier()
                        + (parcel.trackingNumber() == null ? "" : " (" + parcel.trackingNumber() + ")"),
                TimelineRecorder.order(parcel.orderId()),
                parcel.shippedAt());
    }

    @ApplicationModuleListener
    void on(ShipmentStatusChanged changed) {
        ShipmentView parcel = changed.shipment();
        String status = changed.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        recorder.record(
                "parcel:" + parcel.id() + ":" + changed.status() + ":"
                        + changed.occurredAt().toEpochMilli(),
                null,
                parcel.orderId(),
                "parcel.status",
                "Parcel of order " + parcel.orderNumber() + ": " + status
                        + (changed.description() == null ? "" : " — " + changed.description())
                        + (changed.correction() ? " (corrected)" : ""),
                TimelineRecorder.order(parcel.orderId()),
                changed.occurredAt());
    }

    @ApplicationModuleListener
    void on(ShipmentDelayed delayed) {
        ShipmentView parcel = delayed.shipment();
        recorder.record(
                "parcel:" + parcel.id() + ":delayed",
                null,
                parcel.orderId(),
                "parcel.delayed",
                "Parcel of order " + parcel.orderNumber() + " is late (" + delayed.reason() + ")",
                TimelineRecorder.order(parcel.orderId()),
                parcel.delayedSince() == null ? parcel.shippedAt() : parcel.delayedSince());
    }
}
