package org.aftercart.integrations.events;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.aftercart.conversations.ConversationClosed;
import org.aftercart.conversations.ConversationOpened;
import org.aftercart.fulfillment.ParcelShipped;
import org.aftercart.integrations.events.EventsV1.Amount;
import org.aftercart.notifications.MessageSent;
import org.aftercart.notifications.MessageUndeliverable;
import org.aftercart.orders.OrderCancelled;
import org.aftercart.orders.OrderChanged;
import org.aftercart.orders.OrderLineSnapshot;
import org.aftercart.orders.OrderPlaced;
import org.aftercart.payments.RefundIssued;
import org.aftercart.returns.ReturnApproved;
import org.aftercart.returns.ReturnCancelled;
import org.aftercart.returns.ReturnReceived;
import org.aftercart.returns.ReturnRequested;
import org.aftercart.returns.ReturnResolved;
import org.aftercart.returns.ReturnView;
import org.aftercart.tracking.ShipmentDelayed;
import org.aftercart.tracking.ShipmentStatusChanged;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.wallet.StoreCreditGranted;
import org.aftercart.wallet.WalletRedeemed;
import org.jspecify.annotations.Nullable;

/**
 * Which of the modules' events leave Aftercart, and what each becomes ({@code docs/events.md}).
 * The choice is deliberate: facts another system acts on (an order's life, parcels, returns,
 * money, messages, contacts), not the modules' internal bookkeeping (timeline entries, offer
 * views, stock reservations, webhook receipts).
 */
final class BusinessEventMapping {

    /** The events that are published; every other event stays inside. */
    static final Set<Class<?>> PUBLISHED = Set.of(
            OrderPlaced.class,
            OrderChanged.class,
            OrderCancelled.class,
            ParcelShipped.class,
            ShipmentStatusChanged.class,
            ShipmentDelayed.class,
            ReturnRequested.class,
            ReturnApproved.class,
            ReturnReceived.class,
            ReturnCancelled.class,
            ReturnResolved.class,
            RefundIssued.class,
            StoreCreditGranted.class,
            WalletRedeemed.class,
            MessageSent.class,
            MessageUndeliverable.class,
            ConversationOpened.class,
            ConversationClosed.class);

    private static final int V1 = 1;

    private BusinessEventMapping() {}

    static boolean isPublished(Object event) {
        return PUBLISHED.contains(event.getClass());
    }

    static BusinessEvent map(Object event) {
        return switch (event) {
            case OrderPlaced e ->
                new BusinessEvent(
                        "orders",
                        "order-placed",
                        V1,
                        e.number(),
                        e.orderId().toString(),
                        e.placedAt(),
                        new EventsV1.OrderPlaced(
                                e.orderId().id(),
                                e.number(),
                                e.channel().name(),
                                e.customerId() == null ? null : UUID.fromString(e.customerId()),
                                Amount.of(e.total()),
                                e.paymentStatus().name(),
                                lines(e.lines()),
                                e.placedAt(),
                                e.handedOverAt()));
            case OrderChanged e ->
                new BusinessEvent(
                        "orders",
                        "order-changed",
                        V1,
                        e.number(),
                        e.orderId().toString(),
                        e.changedAt(),
                        new EventsV1.OrderChanged(
                                e.orderId().id(),
                                e.number(),
                                e.version(),
                                e.kind().name(),
                                e.description(),
                                Amount.of(e.priceDifference()),
                                lines(e.lines())));
            case OrderCancelled e ->
                new BusinessEvent(
                        "orders",
                        "order-cancelled",
                        V1,
                        e.number(),
                        e.orderId().toString(),
                        e.cancelledAt(),
                        new EventsV1.OrderCancelled(
                                e.orderId().id(), e.number(), e.version(), e.reason(), Amount.of(e.priceDifference())));
            case ParcelShipped e ->
                new BusinessEvent(
                        "fulfillment",
                        "parcel-shipped",
                        V1,
                        e.orderNumber(),
                        e.orderId().toString(),
                        e.shippedAt(),
                        new EventsV1.ParcelShipped(
                                e.parcelId(),
                                e.orderId(),
                                e.orderNumber(),
                                e.locationCode(),
                                e.carrier(),
                                e.service(),
                                e.trackingNumber(),
                                e.items().stream()
                                        .map(item -> new EventsV1.ParcelItem(
                                                item.orderLineId(), item.sku(), item.quantity()))
                                        .toList(),
                                e.shippedAt()));
            case ShipmentStatusChanged e ->
                new BusinessEvent(
                        "tracking",
                        "shipment-status-changed",
                        V1,
                        e.shipment().orderNumber(),
                        e.shipment().orderId().toString(),
                        e.occurredAt(),
                        new EventsV1.ShipmentStatusChanged(
                                e.shipment().id(),
                                e.shipment().orderId(),
                                e.shipment().orderNumber(),
                                e.shipment().carrier(),
                                e.shipment().trackingNumber(),
                                e.previous().name(),
                                e.status().name(),
                                e.occurredAt(),
                                e.correction(),
                                e.shipment().deliveredAt(),
                                promise(e.shipment())));
            case ShipmentDelayed e ->
                new BusinessEvent(
                        "tracking",
                        "shipment-delayed",
                        V1,
                        e.shipment().orderNumber(),
                        e.shipment().orderId().toString(),
                        e.shipment().delayedSince(),
                        new EventsV1.ShipmentDelayed(
                                e.shipment().id(),
                                e.shipment().orderId(),
                                e.shipment().orderNumber(),
                                e.shipment().carrier(),
                                e.shipment().trackingNumber(),
                                e.reason(),
                                e.shipment().delayedSince(),
                                promise(e.shipment())));
            case ReturnRequested e -> returnStep("return-requested", e.request(), e.occurredAt());
            case ReturnApproved e -> returnStep("return-approved", e.request(), e.occurredAt());
            case ReturnReceived e -> returnStep("return-received", e.request(), e.occurredAt());
            case ReturnCancelled e -> returnStep("return-cancelled", e.request(), e.occurredAt());
            case ReturnResolved e ->
                new BusinessEvent(
                        "returns",
                        "return-resolved",
                        V1,
                        e.returnNumber(),
                        e.orderId().toString(),
                        e.resolvedAt(),
                        new EventsV1.ReturnResolved(
                                e.returnId().id(),
                                e.returnNumber(),
                                e.orderId().id(),
                                e.orderNumber(),
                                e.customerId(),
                                Amount.of(e.refunded()),
                                Amount.of(e.storeCredit()),
                                Amount.of(e.bonus()),
                                e.exchangeOrderNumber(),
                                e.items().stream()
                                        .map(item -> new EventsV1.ReturnItemOutcome(
                                                item.orderLineId(),
                                                item.sku(),
                                                item.quantity(),
                                                item.outcome().name(),
                                                Amount.of(item.amount()),
                                                item.kept(),
                                                item.exchangeSku()))
                                        .toList(),
                                e.resolvedAt()));
            case RefundIssued e ->
                new BusinessEvent(
                        "payments",
                        "refund-issued",
                        V1,
                        e.orderNumber(),
                        e.orderId().toString(),
                        e.refundedAt(),
                        new EventsV1.RefundIssued(
                                e.orderId(),
                                e.orderNumber(),
                                e.transactionId(),
                                Amount.of(e.amount()),
                                e.idempotencyKey()));
            case StoreCreditGranted e ->
                new BusinessEvent(
                        "wallet",
                        "store-credit-granted",
                        V1,
                        e.customer().toString(),
                        e.customer().toString(),
                        e.grantedAt(),
                        new EventsV1.StoreCreditGranted(
                                e.customer().id(),
                                e.transactionId(),
                                Amount.of(e.amount()),
                                Amount.of(e.bonus()),
                                e.idempotencyKey()));
            case WalletRedeemed e -> {
                UUID payer = e.customer() != null ? e.customer().id() : e.giftCardId();
                String owner = payer == null ? e.holdId().toString() : payer.toString();
                yield new BusinessEvent(
                        "wallet",
                        "wallet-redeemed",
                        V1,
                        owner,
                        owner,
                        e.redeemedAt(),
                        new EventsV1.WalletRedeemed(
                                e.holdId(),
                                e.customer() == null ? null : e.customer().id(),
                                e.giftCardId(),
                                e.transactionId(),
                                Amount.of(e.amount())));
            }
            case MessageSent e ->
                new BusinessEvent(
                        "notifications",
                        "message-sent",
                        V1,
                        e.messageId().toString(),
                        keyOf(e.orderId(), e.customerId(), e.messageId()),
                        e.at(),
                        new EventsV1.MessageSent(
                                e.messageId(), e.customerId(), e.orderId(), e.kind(), e.channel(), e.at()));
            case MessageUndeliverable e ->
                new BusinessEvent(
                        "notifications",
                        "message-undeliverable",
                        V1,
                        e.messageId().toString(),
                        keyOf(e.orderId(), e.customerId(), e.messageId()),
                        e.at(),
                        new EventsV1.MessageUndeliverable(
                                e.messageId(), e.customerId(), e.orderId(), e.kind(), e.at()));
            case ConversationOpened e ->
                new BusinessEvent(
                        "conversations",
                        "conversation-opened",
                        V1,
                        e.conversationId().toString(),
                        keyOf(e.orderId(), e.customerId(), e.conversationId()),
                        e.at(),
                        new EventsV1.ConversationOpened(
                                e.conversationId(),
                                e.customerId(),
                                e.orderId(),
                                e.channel().name(),
                                e.topic().name(),
                                e.at()));
            case ConversationClosed e ->
                new BusinessEvent(
                        "conversations",
                        "conversation-closed",
                        V1,
                        e.conversationId().toString(),
                        keyOf(e.orderId(), e.customerId(), e.conversationId()),
                        e.at(),
                        new EventsV1.ConversationClosed(
                                e.conversationId(),
                                e.customerId(),
                                e.orderId(),
                                e.topic().name(),
                                e.at()));
            default -> throw new IllegalArgumentException(event.getClass().getName() + " is not published");
        };
    }

    private static BusinessEvent returnStep(String name, ReturnView request, java.time.Instant occurredAt) {
        return new BusinessEvent(
                "returns",
                name,
                V1,
                request.number(),
                request.orderId().toString(),
                occurredAt,
                new EventsV1.ReturnStep(
                        request.id().id(),
                        request.number(),
                        request.orderId().id(),
                        request.orderNumber(),
                        request.customerId(),
                        request.status().name(),
                        request.method().name(),
                        Amount.of(request.value()),
                        request.items().stream()
                                .map(item -> new EventsV1.ReturnItem(
                                        item.orderLineId(),
                                        item.sku(),
                                        item.quantity(),
                                        item.reasonCode(),
                                        item.outcome().name()))
                                .toList(),
                        occurredAt));
    }

    private static List<EventsV1.OrderLine> lines(List<OrderLineSnapshot> lines) {
        return lines.stream()
                .map(line ->
                        new EventsV1.OrderLine(line.lineId(), line.sku(), Amount.of(line.unitPrice()), line.quantity()))
                .toList();
    }

    private static EventsV1.@Nullable DeliveryPromise promise(ShipmentView shipment) {
        ShipmentView.DeliveryPromise promise = shipment.promise();
        return promise == null
                ? null
                : new EventsV1.DeliveryPromise(
                        promise.earliest().toString(), promise.latest().toString());
    }

    /** The order when there is one, so that the event sits with the order's other events. */
    private static String keyOf(@Nullable UUID orderId, @Nullable UUID customerId, UUID own) {
        if (orderId != null) {
            return orderId.toString();
        }
        return customerId != null ? customerId.toString() : own.toString();
    }
}
