package org.aftercart.tracking;

/** Tracking follows a new parcel, with its first delivery promise. */
public record ShipmentShipped(ShipmentView shipment) {}
