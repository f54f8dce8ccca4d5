package org.aftercart.fulfillment;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A location reports the parcels it handed to carriers for one fulfilment order. */
public record ShipParcels(List<Parcel> parcels) {

    public record Parcel(String carrier, @Nullable String service, @Nullable String trackingNumber, List<Item> items) {}

    public record Item(UUID orderLineId, int quantity) {}
}
