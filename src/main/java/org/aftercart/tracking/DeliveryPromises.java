package org.aftercart.tracking;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Decides the delivery range promised for a parcel, and recomputes it on every event: the carrier's
 * own estimate when it gives one, else the configured default counted from the shipping day.
 */
@Component
class DeliveryPromises {

    private final Shipments shipments;
    private final TrackingSettings settings;

    DeliveryPromises(Shipments shipments, TrackingSettings settings) {
        this.shipments = shipments;
        this.settings = settings;
    }

    void refresh(Shipments.Shipment parcel) {
        if (parcel.view().deliveredAt() != null && parcel.view().promise() != null) {
            return; // what was promised stays on record once the parcel is delivered
        }
        shipments.updatePromise(parcel.id(), promiseFor(parcel));
    }

    ShipmentView.DeliveryPromise promiseFor(Shipments.Shipment parcel) {
        LocalDate shipped = parcel.view().shippedAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (parcel.carrierEstimate() != null) {
            return new ShipmentView.DeliveryPromise(parcel.carrierEstimate(), parcel.carrierEstimate(), "carrier");
        }
        int[] days = settings.defaultPromiseDays();
        return new ShipmentView.DeliveryPromise(shipped.plusDays(days[0]), shipped.plusDays(days[1]), "default");
    }
}
