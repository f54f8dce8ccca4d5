package org.aftercart.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * Someone asks to return items of an order.
 *
 * @param locationCode the store an in-store return is brought to (required for {@code IN_STORE})
 * @param giftRecipientEmail who receives the credit of a gift return (required when {@code gift})
 * @param actor who asks, for the timeline (e.g. {@code customer}, {@code store:LEEDS})
 * @param exchangeDelivery how the replacement of an exchange reaches the customer; {@link
 *     ExchangeDelivery#FROM_STORE_SHELF} only for an in-store return
 */
public record RequestReturn(
        OrderId orderId,
        ReturnChannel channel,
        ReturnMethod method,
        @Nullable String locationCode,
        List<Item> items,
        boolean gift,
        @Nullable String giftRecipientEmail,
        String actor,
        ExchangeDelivery exchangeDelivery) {

    public RequestReturn {
        items = List.copyOf(items);
    }

    /** A request whose exchanges, if any, are shipped. */
    public RequestReturn(
            OrderId orderId,
            ReturnChannel channel,
            ReturnMethod method,
            @Nullable String locationCode,
            List<Item> items,
            boolean gift,
            @Nullable String giftRecipientEmail,
            String actor) {
        this(orderId, channel, method, locationCode, items, gift, giftRecipientEmail, actor, ExchangeDelivery.SHIPPED);
    }

    /**
     * @param exchangeSku the variant or product wanted instead (for an exchange)
     * @param unitRefund the amount per unit the client showed the customer; optional, and refused when
     *     it differs from what the server computes (the server's amount is always the one used)
     * @param photoIds photos uploaded beforehand, required when the reason asks for one
     */
    public record Item(
            UUID orderLineId,
            int quantity,
            String reasonCode,
            @Nullable String comment,
            ReturnOutcome outcome,
            @Nullable String exchangeSku,
            @Nullable BigDecimal unitRefund,
            List<UUID> photoIds) {

        public Item {
            photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
        }
    }
}
