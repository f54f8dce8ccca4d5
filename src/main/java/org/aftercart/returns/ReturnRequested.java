package org.aftercart.returns;

import java.time.Instant;

/** A return was asked for (and may already be approved by rule: see the next event). */
public record ReturnRequested(ReturnView request, String actor, Instant occurredAt) {}
