package org.aftercart.tracking;

/**
 * Aftercart itself judged a parcel late: its promise has passed, or the carrier has not scanned it
 * for too long. Published once per parcel, before the customer has to ask.
 */
public record ShipmentDelayed(ShipmentView shipment, String reason) {}
