package org.aftercart.returns;

import java.time.Instant;

/** A return was refused, by a person or by rule; {@code reason} says why. */
public record ReturnRejected(ReturnView request, String actor, String reason, Instant occurredAt) {}
