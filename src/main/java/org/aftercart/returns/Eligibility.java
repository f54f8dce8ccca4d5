package org.aftercart.returns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/** What of an order can be returned, line by line, and why not when it cannot. */
public record Eligibility(OrderId orderId, String orderNumber, List<Line> lines) {

    public Eligibility {
        lines = List.copyOf(lines);
    }

    /**
     * @param returnableQuantity units that may be asked back now (0 when a rule refuses the line)
     * @param refundPerUnit what the customer paid for one unit (its share of tax and discounts included)
     * @param windowEndsAt when the return window of the line closes; {@code null} before it shipped
     * @param allowedOutcomes empty when the line cannot be returned
     * @param refusals the rules that refuse the line, each with its reason
     */
    public record Line(
            UUID orderLineId,
            String sku,
            String title,
            int returnableQuantity,
            Money refundPerUnit,
            @Nullable Instant windowEndsAt,
            Set<ReturnOutcome> allowedOutcomes,
            List<Refusal> refusals) {

        public Line {
            allowedOutcomes = Set.copyOf(allowedOutcomes);
            refusals = List.copyOf(refusals);
        }

        public boolean returnable() {
            return returnableQuantity > 0 && refusals.isEmpty();
        }
    }

    public Optional<Line> line(UUID orderLineId) {
        return lines.stream()
                .filter(line -> line.orderLineId().equals(orderLineId))
                .findFirst();
    }

    public boolean anythingReturnable() {
        return lines.stream().anyMatch(Line::returnable);
    }
}
