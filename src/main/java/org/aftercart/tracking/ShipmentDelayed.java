package org.aftercart.tracking;

/**
 * Aftercart itself judged a parcel late: its promise has passed, the carrier now expects it later
 * than promised, or the carrier has not scanned it for too long. Published once per parcel, before
 * the customer has to ask.
 *
 * @param reason {@code promise-passed}, {@code carrier-estimate-later} or {@code silent}
 */
public record ShipmentDelayed(ShipmentView shipment, String reason) {}
