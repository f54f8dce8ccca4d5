package org.aftercart.returns;

import java.time.Instant;

/** The items arrived and were checked, item by item. */
public record ReturnReceived(ReturnView request, String actor, Instant occurredAt) {}
