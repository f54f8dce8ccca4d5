package org.aftercart.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Every outcome of a return is executed (or, for store credit, due): the fact the wallet books
 * store credit from. Store credit is not booked by the returns module: the wallet listens to this
 * event, which the event publication registry delivers until the listener succeeds, and books
 * {@code storeCredit + bonus} under the idempotency key {@link #creditIdempotencyKey()}, so a
 * redelivery never credits twice.
 *
 * @param customerId {@code null} for a guest
 * @param refunded what went back to the original payment
 * @param storeCredit credit for the items (before the bonus)
 * @param bonus extra credit given to steer toward credit
 * @param giftRecipientEmail for a gift return, who receives the credit instead of the buyer
 * @param exchangeOrderNumber the replacement order of an exchange
 * @param exchangeHandedOverAt the store whose counter handed the replacement over from its shelf (the
 *     customer took it with them); {@code null} when it ships or there is none
 */
public record ReturnResolved(
        ReturnId returnId,
        String returnNumber,
        OrderId orderId,
        String orderNumber,
        @Nullable UUID customerId,
        @Nullable String customerEmail,
        Money refunded,
        Money storeCredit,
        Money bonus,
        @Nullable String giftRecipientEmail,
        @Nullable String exchangeOrderNumber,
        @Nullable String exchangeHandedOverAt,
        List<ItemOutcome> items,
        Instant resolvedAt) {

    public ReturnResolved {
        items = List.copyOf(items);
    }

    /** A return whose replacement, if any, ships. */
    public ReturnResolved(
            ReturnId returnId,
            String returnNumber,
            OrderId orderId,
            String orderNumber,
            @Nullable UUID customerId,
            @Nullable String customerEmail,
            Money refunded,
            Money storeCredit,
            Money bonus,
            @Nullable String giftRecipientEmail,
            @Nullable String exchangeOrderNumber,
            List<ItemOutcome> items,
            Instant resolvedAt) {
        this(
                returnId,
                returnNumber,
                orderId,
                orderNumber,
                customerId,
                customerEmail,
                refunded,
                storeCredit,
                bonus,
                giftRecipientEmail,
                exchangeOrderNumber,
                null,
                items,
                resolvedAt);
    }

    /**
     * @param quantity units the outcome applies to (those received, or all for a returnless return)
     * @param amount the money the outcome is worth for these units (refund, credit, or the value
     *     exchanged)
     * @param kept the customer keeps the units (returnless)
     */
    public record ItemOutcome(
            UUID orderLineId,
            String sku,
            int quantity,
            ReturnOutcome outcome,
            Money amount,
            boolean kept,
            @Nullable String exchangeSku) {}

    /** The key the wallet books this return's store credit under. */
    public static String creditIdempotencyKey(ReturnId returnId) {
        return "return:" + returnId + ":credit";
    }

    public String creditIdempotencyKey() {
        return creditIdempotencyKey(returnId);
    }
}
