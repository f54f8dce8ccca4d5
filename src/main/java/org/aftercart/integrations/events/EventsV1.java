package org.aftercart.integrations.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Version 1 of the data of every published type ({@code docs/events.md}). These records are the
 * contract, not the modules' events: a module may rename or reshape its own event, this file keeps
 * its shape. Adding a field keeps v1; removing, renaming or changing the meaning of one is a v2
 * published beside v1 for a period.
 *
 * <p>Identifiers only, no personal data: no names, e-mail addresses, phone numbers or postal
 * addresses travel on the topic, which is read by systems the customer's erasure does not reach.
 * A consumer that needs them asks the API with the customer id. Enumerations travel as their
 * upper-case names; consumers must accept names they do not know yet.
 */
final class EventsV1 {

    private EventsV1() {}

    /** An exact amount: a decimal string with the currency's decimals, never a float. */
    record Amount(String amount, String currency) {
        static Amount of(Money money) {
            return new Amount(money.amount().toPlainString(), money.currency().getCurrencyCode());
        }

        static @Nullable Amount ofNullable(@Nullable Money money) {
            return money == null ? null : of(money);
        }
    }

    record OrderLine(UUID lineId, String sku, Amount unitPrice, int quantity) {}

    record OrderPlaced(
            UUID orderId,
            String orderNumber,
            String channel,
            @Nullable UUID customerId,
            Amount total,
            String paymentStatus,
            List<OrderLine> lines,
            Instant placedAt,
            @Nullable String handedOverAt) {}

    record OrderChanged(
            UUID orderId,
            String orderNumber,
            long version,
            String kind,
            String description,
            Amount priceDifference,
            List<OrderLine> lines) {}

    record OrderCancelled(UUID orderId, String orderNumber, long version, String reason, Amount priceDifference) {}

    record ParcelItem(UUID orderLineId, String sku, int quantity) {}

    record ParcelShipped(
            UUID parcelId,
            UUID orderId,
            String orderNumber,
            String locationCode,
            String carrier,
            @Nullable String service,
            @Nullable String trackingNumber,
            List<ParcelItem> items,
            Instant shippedAt) {}

    record DeliveryPromise(String earliest, String latest) {}

    record ShipmentStatusChanged(
            UUID shipmentId,
            UUID orderId,
            String orderNumber,
            String carrier,
            @Nullable String trackingNumber,
            String previousStatus,
            String status,
            Instant occurredAt,
            boolean correction,
            @Nullable Instant deliveredAt,
            @Nullable DeliveryPromise promise) {}

    record ShipmentDelayed(
            UUID shipmentId,
            UUID orderId,
            String orderNumber,
            String carrier,
            @Nullable String trackingNumber,
            String reason,
            @Nullable Instant delayedSince,
            @Nullable DeliveryPromise promise) {}

    record ReturnItem(UUID orderLineId, String sku, int quantity, String reasonCode, String outcome) {}

    /** One step of a return: requested, approved, received or cancelled. */
    record ReturnStep(
            UUID returnId,
            String returnNumber,
            UUID orderId,
            String orderNumber,
            @Nullable UUID customerId,
            String status,
            String method,
            Amount value,
            List<ReturnItem> items,
            Instant occurredAt) {}

    record ReturnItemOutcome(
            UUID orderLineId,
            String sku,
            int quantity,
            String outcome,
            Amount amount,
            boolean kept,
            @Nullable String exchangeSku) {}

    record ReturnResolved(
            UUID returnId,
            String returnNumber,
            UUID orderId,
            String orderNumber,
            @Nullable UUID customerId,
            Amount refunded,
            Amount storeCredit,
            Amount bonus,
            @Nullable String exchangeOrderNumber,
            List<ReturnItemOutcome> items,
            Instant resolvedAt) {}

    /** {@code reference} names the fact the refund settles, e.g. {@code order:<id>:v3} or {@code return:<id>:refund}. */
    record RefundIssued(UUID orderId, String orderNumber, UUID transactionId, Amount amount, String reference) {}

    /** {@code reference} is the grant's idempotency key ({@code return:<id>:credit} for a return). */
    record StoreCreditGranted(UUID customerId, UUID transactionId, Amount amount, Amount bonus, String reference) {}

    record WalletRedeemed(
            UUID holdId, @Nullable UUID customerId, @Nullable UUID giftCardId, UUID transactionId, Amount amount) {}

    record MessageSent(
            UUID messageId,
            @Nullable UUID customerId,
            @Nullable UUID orderId,
            String kind,
            String channel,
            Instant sentAt) {}

    /** Without the provider's reason: a bounce text often quotes the address. */
    record MessageUndeliverable(
            UUID messageId, @Nullable UUID customerId, @Nullable UUID orderId, String kind, Instant at) {}

    record ConversationOpened(
            UUID conversationId,
            UUID customerId,
            @Nullable UUID orderId,
            String channel,
            String topic,
            Instant openedAt) {}

    record ConversationClosed(
            UUID conversationId, UUID customerId, @Nullable UUID orderId, String topic, Instant closedAt) {}
}
