package org.aftercart.tracking;

/**
 * Tracking page visits of the orders that shipped in a period.
 *
 * @param orders orders with a parcel shipped in the period
 * @param visits visits of their tracking pages, whenever they happened
 */
public record TrackingPageVisits(long orders, long visits) {}
