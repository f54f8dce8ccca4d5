package org.aftercart.analytics;

import java.time.LocalDate;

/**
 * One day of the dashboard's charts.
 *
 * @param orders orders placed that day
 * @param shippedOnTime of the orders due to ship that day, those that left by their ship-by time
 * @param deliveredOnPromise of the parcels delivered that day with a promise, those that arrived by
 *     its latest date
 */
public record DashboardDay(LocalDate day, long orders, Share shippedOnTime, Share deliveredOnPromise) {}
