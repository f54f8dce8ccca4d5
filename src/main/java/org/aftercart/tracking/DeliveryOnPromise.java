package org.aftercart.tracking;

import java.time.LocalDate;

/**
 * Parcels delivered on one day that had a promise, and how many arrived by its latest date (days in
 * the delivery promises' time zone, ADR 10).
 */
public record DeliveryOnPromise(LocalDate day, long delivered, long onPromise) {}
