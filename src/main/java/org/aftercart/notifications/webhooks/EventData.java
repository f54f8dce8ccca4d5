package org.aftercart.notifications.webhooks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.aftercart.orders.OrderLineSnapshot;
import org.aftercart.returns.ReturnView;
import org.aftercart.shared.Money;
import org.aftercart.tracking.ShipmentView;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of each webhook event type: a published contract (docs/webhooks.md). Fields may
 * be added; none is renamed or removed without a new event type. Absent values are {@code null}.
 */
final class EventData {

    private EventData() {}

    /** Money as an exact decimal string at the currency's scale, and its ISO 4217 code. */
    record Amount(String amount, String currency) {

        static Amount of(Money money) {
            return new Amount(money.amount().toPlainString(), money.currency().getCurrencyCode());
        }
    }

    /** @param quantity the units still wanted (ordered minus cancelled) */
    record Line(UUID lineId, String sku, int quantity, Amount unitPrice) {

        static List<Line> of(List<OrderLineSnapshot> lines) {
            return lines.stream()
                    .map(line -> new Line(line.lineId(), line.sku(), line.quantity(), Amount.of(line.unitPrice())))
                    .toList();
        }
    }

    /** {@code order.placed} */
    record OrderPlaced(
            UUID orderId,
            String orderNumber,
            String salesChannel,
            @Nullable String customerId,
            Amount total,
            String paymentStatus,
            Instant placedAt,
            List<Line> lines) {}

    /** {@code order.changed}; {@code priceDifference}: new total minus old total. */
    record OrderChanged(
            UUID orderId,
            String orderNumber,
            long version,
            String change,
            String description,
            Amount priceDifference,
            boolean settledByChannel,
            List<Line> lines) {}

    /** {@code order.cancelled}; {@code refund}: the old total, owed back to the customer. */
    record OrderCancelled(
            UUID orderId, String orderNumber, long version, String reason, Amount refund, boolean settledByChannel) {}

    /** A parcel, as every {@code shipment.*} event carries it. */
    record Shipment(
            UUID shipmentId,
            UUID orderId,
            String orderNumber,
            String carrier,
            @Nullable String service,
            @Nullable String trackingNumber,
            String status,
            Instant shippedAt,
            @Nullable Instant deliveredAt,
            @Nullable LocalDate promisedEarliest,
            @Nullable LocalDate promisedLatest) {

        static Shipment of(ShipmentView parcel) {
            var promise = parcel.promise();
            return new Shipment(
                    parcel.id(),
                    parcel.orderId(),
                    parcel.orderNumber(),
                    parcel.carrier(),
                    parcel.service(),
                    parcel.trackingNumber(),
                    parcel.status().name(),
                    parcel.shippedAt(),
                    parcel.deliveredAt(),
                    promise == null ? null : promise.earliest(),
                    promise == null ? null : promise.latest());
        }
    }

    /** {@code shipment.shipped} */
    record ShipmentShipped(Shipment shipment) {}

    /** {@code shipment.status_changed}; {@code correction}: set by an audited correction, not the carrier. */
    record ShipmentStatusChanged(
            Shipment shipment,
            String previousStatus,
            String status,
            @Nullable String description,
            Instant occurredAt,
            boolean correction) {}

    /** {@code shipment.delayed}; {@code reason}: promise-passed, carrier-estimate-later or silent. */
    record ShipmentDelayed(Shipment shipment, String reason) {}

    /** {@code refund.issued} */
    record RefundIssued(UUID orderId, String orderNumber, UUID transactionId, Amount amount) {}

    /** {@code message.undeliverable}: a message to a customer will not reach them. */
    record MessageUndeliverable(
            UUID messageId,
            @Nullable UUID customerId,
            @Nullable UUID orderId,
            String kind,
            @Nullable String reason,
            Instant at) {}

    /** A return, as every {@code return.*} event carries it. */
    record Return(
            UUID returnId,
            String returnNumber,
            UUID orderId,
            String orderNumber,
            @Nullable UUID customerId,
            String status,
            String channel,
            String method,
            @Nullable String locationCode,
            boolean returnless,
            Amount value,
            @Nullable String carrier,
            @Nullable String trackingNumber,
            List<ReturnLine> items) {

        static Return of(ReturnView request) {
            return new Return(
                    request.id().id(),
                    request.number(),
                    request.orderId().id(),
                    request.orderNumber(),
                    request.customerId(),
                    request.status().name(),
                    request.channel().name(),
                    request.method().name(),
                    request.locationCode(),
                    request.returnless(),
                    Amount.of(request.value()),
                    request.carrier(),
                    request.trackingNumber(),
                    request.items().stream()
                            .map(item -> new ReturnLine(
                                    item.orderLineId(),
                                    item.sku(),
                                    item.quantity(),
                                    item.reasonCode(),
                                    item.outcome().name(),
                                    item.exchangeSku(),
                                    item.receivedQuantity(),
                                    item.condition() == null
                                            ? null
                                            : item.condition().name()))
                            .toList());
        }
    }

    record ReturnLine(
            UUID orderLineId,
            String sku,
            int quantity,
            String reason,
            String outcome,
            @Nullable String exchangeSku,
            @Nullable Integer receivedQuantity,
            @Nullable String condition) {}

    /** {@code return.requested}, {@code return.approved}, {@code return.in_transit}, {@code return.received} */
    record ReturnStep(Return request, String actor, Instant at) {}

    /** {@code return.rejected}, {@code return.cancelled} */
    record ReturnEnded(Return request, String actor, String reason, Instant at) {}

    /** {@code return.resolved}: what the customer got. */
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
            boolean giftReturn,
            Instant resolvedAt) {}

    /** {@code return.manual_refund_required}: someone must refund by hand. */
    record ManualRefundRequired(Return request, Amount amount, String reason, Instant at) {}

    /** {@code store_credit.granted} */
    record StoreCreditGranted(
            UUID customerId, Amount amount, Amount bonus, String reason, Amount balanceAfter, UUID transactionId) {}

    /** {@code gift_card.issued}: never the code, which only its recipient receives. */
    record GiftCardIssued(UUID giftCardId, Amount amount, String lastFour, String reason, UUID transactionId) {}

    /** {@code wallet.redeemed}: store credit or a gift card paid at a checkout. */
    record WalletRedeemed(
            UUID holdId, @Nullable UUID customerId, @Nullable UUID giftCardId, Amount amount, UUID transactionId) {}
}
