package org.aftercart.orders;

import java.time.Instant;
import org.aftercart.shared.Money;

/** One accepted change of an order: who, when, what, and what it did to the price. */
public record JournalEntry(
        long version, ChangeKind kind, String actor, Instant at, String description, Money priceDifference) {}
