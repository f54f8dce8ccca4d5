package org.aftercart.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A return as other modules, the API and pages read it, with its timeline.
 *
 * @param value what the items asked back are worth (what was paid for them)
 * @param returnless the customer keeps the items: sending them back costs more than they are worth
 * @param refundAmount the refund to the original payment decided at resolution
 * @param refunded what the provider actually refunded (or what was refunded by hand)
 * @param exchangeDelivery how the replacement order, if any, reaches the customer: shipped, or
 *     handed over from the store's shelf at its counter
 */
public record ReturnView(
        ReturnId id,
        String number,
        OrderId orderId,
        String orderNumber,
        @Nullable UUID customerId,
        @Nullable String customerEmail,
        ReturnChannel channel,
        ReturnMethod method,
        @Nullable String locationCode,
        boolean gift,
        @Nullable String giftRecipientEmail,
        ReturnStatus status,
        boolean returnless,
        @Nullable String carrier,
        @Nullable String trackingNumber,
        Money value,
        @Nullable Money refundAmount,
        @Nullable Money refunded,
        @Nullable Money storeCredit,
        @Nullable Money bonus,
        @Nullable String exchangeOrderNumber,
        ExchangeDelivery exchangeDelivery,
        @Nullable Instant holdDeadline,
        Instant createdAt,
        List<Item> items,
        List<Step> steps,
        long version) {

    public ReturnView {
        items = List.copyOf(items);
        steps = List.copyOf(steps);
    }

    /**
     * @param outcome what the customer gets; differs from {@code requestedOutcome} when e.g. the
     *     exchange item is out of stock, and {@code outcomeNote} says why
     */
    public record Item(
            UUID id,
            int lineNo,
            UUID orderLineId,
            String sku,
            String title,
            int quantity,
            String reasonCode,
            @Nullable String comment,
            ReturnOutcome requestedOutcome,
            ReturnOutcome outcome,
            @Nullable String outcomeNote,
            @Nullable String exchangeSku,
            Money unitRefund,
            @Nullable Integer receivedQuantity,
            @Nullable ItemCondition condition,
            @Nullable Boolean resellable,
            @Nullable String restockLocation) {}

    /** One entry of the timeline; {@code from} equals {@code to} for a note. */
    public record Step(
            int seq, @Nullable ReturnStatus from, ReturnStatus to, String actor, Instant at, @Nullable String note) {}
}
