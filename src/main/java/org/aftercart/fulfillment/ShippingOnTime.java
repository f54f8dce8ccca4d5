package org.aftercart.fulfillment;

import java.time.LocalDate;

/**
 * Orders whose shipping was decided on one day, and how many of them left in time (every fulfilment
 * order of the order shipped by its ship-by time): one shipped in time counts on the day it
 * shipped, one that did not on its ship-by day, shipped late or not at all. Cancelled ones are not
 * due; unshipped ones whose ship-by time is still ahead are not decided yet.
 */
public record ShippingOnTime(LocalDate day, long due, long shippedOnTime) {}
