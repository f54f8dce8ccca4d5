package org.aftercart.returns;

import java.time.Instant;

/** A return was withdrawn before its items arrived. */
public record ReturnCancelled(ReturnView request, String actor, String reason, Instant occurredAt) {}
