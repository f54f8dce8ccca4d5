package org.aftercart.returns;

import java.time.Instant;

/** The return parcel is on its way back. */
public record ReturnInTransit(ReturnView request, String actor, Instant occurredAt) {}
