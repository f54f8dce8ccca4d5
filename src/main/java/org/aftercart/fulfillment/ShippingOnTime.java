package org.aftercart.fulfillment;

import java.time.LocalDate;

/**
 * Orders due to ship on one day (their ship-by time falls on it) and how many of them left in time:
 * every fulfilment order of the order shipped by its ship-by time. Cancelled ones are not due.
 */
public record ShippingOnTime(LocalDate day, long due, long shippedOnTime) {}
