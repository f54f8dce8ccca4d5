package org.aftercart.returns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.aftercart.orders.LineQuantities;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * The merchant's return policy as named rules, applied to one order line. Pure: the facts come in,
 * the verdict goes out, so the rules are tested as example tables.
 *
 * <ul>
 *   <li>{@code not-shipped}: nothing of the line has left the warehouse (cancel instead);
 *   <li>{@code already-returned}: every unit that arrived is already asked back or returned;
 *   <li>{@code final-sale}: the SKU or its category is sold as final;
 *   <li>{@code return-window}: the window (per category, or the default) counted from delivery, or
 *       from shipping when delivery is unknown, has closed;
 *   <li>{@code region}: the order was shipped to a country returns are not accepted from.
 * </ul>
 */
final class ReturnPolicy {

    /** What the rules look at for one line. */
    record LineFacts(
            UUID orderLineId,
            String sku,
            String title,
            LineQuantities quantities,
            @Nullable String category,
            @Nullable String shipToCountry,
            @Nullable Instant shippedAt,
            @Nullable Instant deliveredAt,
            Money refundPerUnit) {}

    private final ReturnPolicyRules rules;

    ReturnPolicy(ReturnPolicyRules rules) {
        this.rules = rules;
    }

    Eligibility.Line evaluate(LineFacts line, Instant now) {
        List<Refusal> refusals = new ArrayList<>();
        LineQuantities quantities = line.quantities();
        Instant windowEndsAt = null;
        if (quantities.shipped() == 0) {
            refusals.add(Refusal.of(
                    "not-shipped", "Nothing of " + line.sku() + " has shipped yet; cancel it instead", line.sku()));
        } else {
            if (quantities.returnable() == 0) {
                refusals.add(Refusal.of(
                        "already-returned",
                        "Every unit of " + line.sku() + " that arrived is already asked back ("
                                + quantities.returnRequested() + ") or returned (" + quantities.returned() + ")",
                        line.sku(),
                        String.valueOf(quantities.returnRequested()),
                        String.valueOf(quantities.returned())));
            }
            Instant from = line.deliveredAt() != null ? line.deliveredAt() : line.shippedAt();
            if (from != null) {
                Duration window = rules.windowFor(line.category());
                windowEndsAt = from.plus(window);
                if (now.isAfter(windowEndsAt)) {
                    LocalDate closed = LocalDate.ofInstant(windowEndsAt, ZoneOffset.UTC);
                    refusals.add(Refusal.of(
                            "return-window",
                            "The " + window.toDays() + "-day return window of " + line.sku() + " closed on " + closed
                                    + " (counted from " + (line.deliveredAt() != null ? "delivery" : "shipping")
                                    + ")",
                            line.sku(),
                            String.valueOf(window.toDays()),
                            closed.toString()));
                }
            }
        }
        if (rules.finalSale(line.sku(), line.category())) {
            refusals.add(Refusal.of("final-sale", line.sku() + " was sold as final sale", line.sku()));
        }
        if (!rules.allowedCountries().isEmpty()
                && (line.shipToCountry() == null || !rules.allowedCountries().contains(line.shipToCountry()))) {
            refusals.add(Refusal.of(
                    "region",
                    "Returns are not accepted from orders shipped to " + line.shipToCountry(),
                    String.valueOf(line.shipToCountry())));
        }
        Set<ReturnOutcome> outcomes = refusals.isEmpty() ? outcomes() : EnumSet.noneOf(ReturnOutcome.class);
        return new Eligibility.Line(
                line.orderLineId(),
                line.sku(),
                line.title(),
                refusals.isEmpty() ? quantities.returnable() : 0,
                line.refundPerUnit(),
                windowEndsAt,
                outcomes,
                refusals);
    }

    private Set<ReturnOutcome> outcomes() {
        Set<ReturnOutcome> outcomes =
                EnumSet.of(ReturnOutcome.REFUND, ReturnOutcome.STORE_CREDIT, ReturnOutcome.EXCHANGE);
        if (rules.instantExchange()) {
            outcomes.add(ReturnOutcome.INSTANT_EXCHANGE);
        }
        return outcomes;
    }
}
