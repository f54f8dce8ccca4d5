package org.aftercart.returns;

import java.time.Instant;

/** A return was approved, by rule or by a person; the customer may send the items, or keeps them when it is returnless. */
public record ReturnApproved(ReturnView request, String actor, Instant occurredAt) {}
