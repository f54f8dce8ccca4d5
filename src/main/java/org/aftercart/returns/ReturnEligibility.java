package org.aftercart.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.orders.OrderView;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.Tracking;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Gathers what the policy looks at (buckets, parcels, categories) and evaluates every line of an order. */
@Component
class ReturnEligibility {

    private final ReturnPolicySettings policies;
    private final Tracking tracking;
    private final Catalog catalog;
    private final Clock clock;

    ReturnEligibility(ReturnPolicySettings policies, Tracking tracking, Catalog catalog, Clock clock) {
        this.policies = policies;
        this.tracking = tracking;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Under the policy in force now. */
    Eligibility evaluate(OrderView order) {
        return evaluate(order, policies.current());
    }

    Eligibility evaluate(OrderView order, ReturnPolicyRules rules) {
        ReturnPolicy policy = new ReturnPolicy(rules);
        Map<String, String> categories = catalog.categoriesOf(
                order.lines().stream().map(OrderView.Line::sku).toList());
        Map<UUID, Instant> shipped = new HashMap<>();
        Map<UUID, Instant> delivered = new HashMap<>();
        for (ShipmentView parcel : tracking.shipmentsOf(order.id())) {
            for (ShipmentView.Item item : parcel.items()) {
                // Several parcels of one line: the window counts from the last one.
                latest(shipped, item.orderLineId(), parcel.shippedAt());
                latest(delivered, item.orderLineId(), parcel.deliveredAt());
            }
        }
        Instant now = clock.instant();
        String country = order.shipTo() == null ? null : order.shipTo().country();
        List<Eligibility.Line> lines = order.lines().stream()
                .map(line -> policy.evaluate(
                        new ReturnPolicy.LineFacts(
                                line.id(),
                                line.sku(),
                                line.title(),
                                line.quantities(),
                                categories.get(line.sku()),
                                country,
                                // Shipped without a parcel tracking knows of: count from the order.
                                shipped.getOrDefault(line.id(), order.placedAt()),
                                delivered.get(line.id()),
                                ReturnMoney.paidPerUnit(order, line)),
                        now))
                .toList();
        return new Eligibility(order.id(), order.number(), lines);
    }

    private static void latest(Map<UUID, Instant> times, UUID lineId, @Nullable Instant at) {
        if (at != null) {
            times.merge(lineId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }
}
