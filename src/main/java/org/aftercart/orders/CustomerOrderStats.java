package org.aftercart.orders;

import java.time.Instant;

/** How many orders a customer placed, and their latest one, for lists of customers. */
public record CustomerOrderStats(long count, OrderId lastOrderId, String lastOrderNumber, Instant lastPlacedAt) {}
