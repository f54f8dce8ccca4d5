package org.aftercart.notifications.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.aftercart.notifications.MessageUndeliverable;
import org.aftercart.orders.OrderCancelled;
import org.aftercart.orders.OrderChanged;
import org.aftercart.orders.OrderPlaced;
import org.aftercart.payments.RefundIssued;
import org.aftercart.returns.ManualRefundRequired;
import org.aftercart.returns.ReturnApproved;
import org.aftercart.returns.ReturnCancelled;
import org.aftercart.returns.ReturnInTransit;
import org.aftercart.returns.ReturnReceived;
import org.aftercart.returns.ReturnRejected;
import org.aftercart.returns.ReturnRequested;
import org.aftercart.returns.ReturnResolved;
import org.aftercart.returns.ReturnView;
import org.aftercart.tracking.ShipmentDelayed;
import org.aftercart.tracking.ShipmentShipped;
import org.aftercart.tracking.ShipmentStatusChanged;
import org.aftercart.wallet.GiftCardIssued;
import org.aftercart.wallet.StoreCreditGranted;
import org.aftercart.wallet.WalletRedeemed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns business facts into webhook deliveries, one per subscribed endpoint, written in the
 * transaction that records the fact (plain event listeners, as for customer messages): a fact that
 * commits is delivered, one rolled back is not. The dedupe key names the endpoint and the fact, so a
 * fact told twice is delivered once. Unlike customer messages, late facts are delivered too: the
 * merchant's systems want the whole record.
 */
@Component
class WebhookTriggers {

    private final WebhookEndpoints endpoints;
    private final WebhookOutbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    WebhookTriggers(WebhookEndpoints endpoints, WebhookOutbox outbox, JsonMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(OrderPlaced event) {
        send(
                WebhookEventType.ORDER_PLACED,
                event.orderId().toString(),
                event.placedAt(),
                event.orderId().id(),
                null,
                () -> new EventData.OrderPlaced(
                        event.orderId().id(),
                        event.number(),
                        event.channel().name(),
                        event.customerId(),
                        EventData.Amount.of(event.total()),
                        event.paymentStatus().name(),
                        event.placedAt(),
                        EventData.Line.of(event.lines())));
    }

    @EventListener
    void on(OrderChanged event) {
        send(
                WebhookEventType.ORDER_CHANGED,
                event.orderId() + ":v" + event.version(),
                event.changedAt(),
                event.orderId().id(),
                null,
                () -> new EventData.OrderChanged(
                        event.orderId().id(),
                        event.number(),
                        event.version(),
                        event.kind().name(),
                        event.description(),
                        EventData.Amount.of(event.priceDifference()),
                        event.settledByChannel(),
                        EventData.Line.of(event.lines())));
    }

    @EventListener
    void on(OrderCancelled event) {
        send(
                WebhookEventType.ORDER_CANCELLED,
                event.orderId().toString(),
                event.cancelledAt(),
                event.orderId().id(),
                null,
                () -> new EventData.OrderCancelled(
                        event.orderId().id(),
                        event.number(),
                        event.version(),
                        event.reason(),
                        EventData.Amount.of(event.priceDifference().negate()),
                        event.settledByChannel()));
    }

    @EventListener
    void on(ShipmentShipped event) {
        var parcel = event.shipment();
        send(
                WebhookEventType.SHIPMENT_SHIPPED,
                parcel.id().toString(),
                parcel.shippedAt(),
                parcel.orderId(),
                parcel.id(),
                () -> new EventData.ShipmentShipped(EventData.Shipment.of(parcel)));
    }

    @EventListener
    void on(ShipmentStatusChanged event) {
        var parcel = event.shipment();
        send(
                WebhookEventType.SHIPMENT_STATUS_CHANGED,
                parcel.id() + ":" + event.status() + ":" + event.occurredAt(),
                event.occurredAt(),
                parcel.orderId(),
                parcel.id(),
                () -> new EventData.ShipmentStatusChanged(
                        EventData.Shipment.of(parcel),
                        event.previous().name(),
                        event.status().name(),
                        event.description(),
                        event.occurredAt(),
                        event.correction()));
    }

    @EventListener
    void on(ShipmentDelayed event) {
        var parcel = event.shipment();
        send(
                WebhookEventType.SHIPMENT_DELAYED,
                parcel.id().toString(),
                clock.instant(),
                parcel.orderId(),
                parcel.id(),
                () -> new EventData.ShipmentDelayed(EventData.Shipment.of(parcel), event.reason()));
    }

    @EventListener
    void on(RefundIssued event) {
        send(
                WebhookEventType.REFUND_ISSUED,
                event.transactionId().toString(),
                event.refundedAt(),
                event.orderId(),
                null,
                () -> new EventData.RefundIssued(
                        event.orderId(),
                        event.orderNumber(),
                        event.transactionId(),
                        EventData.Amount.of(event.amount())));
    }

    @EventListener
    void on(ReturnRequested event) {
        returnStep(WebhookEventType.RETURN_REQUESTED, event.request(), event.actor(), event.occurredAt());
    }

    @EventListener
    void on(ReturnApproved event) {
        returnStep(WebhookEventType.RETURN_APPROVED, event.request(), event.actor(), event.occurredAt());
    }

    @EventListener
    void on(ReturnInTransit event) {
        returnStep(WebhookEventType.RETURN_IN_TRANSIT, event.request(), event.actor(), event.occurredAt());
    }

    @EventListener
    void on(ReturnReceived event) {
        returnStep(WebhookEventType.RETURN_RECEIVED, event.request(), event.actor(), event.occurredAt());
    }

    @EventListener
    void on(ReturnRejected event) {
        returnEnded(
                WebhookEventType.RETURN_REJECTED, event.request(), event.actor(), event.reason(), event.occurredAt());
    }

    @EventListener
    void on(ReturnCancelled event) {
        returnEnded(
                WebhookEventType.RETURN_CANCELLED, event.request(), event.actor(), event.reason(), event.occurredAt());
    }

    @EventListener
    void on(ReturnResolved event) {
        send(
                WebhookEventType.RETURN_RESOLVED,
                event.returnId().toString(),
                event.resolvedAt(),
                event.orderId().id(),
                null,
                () -> new EventData.ReturnResolved(
                        event.returnId().id(),
                        event.returnNumber(),
                        event.orderId().id(),
                        event.orderNumber(),
                        event.customerId(),
                        EventData.Amount.of(event.refunded()),
                        EventData.Amount.of(event.storeCredit()),
                        EventData.Amount.of(event.bonus()),
                        event.exchangeOrderNumber(),
                        event.giftRecipientEmail() != null,
                        event.resolvedAt()));
    }

    @EventListener
    void on(ManualRefundRequired event) {
        send(
                WebhookEventType.RETURN_MANUAL_REFUND_REQUIRED,
                event.request().id() + ":" + event.occurredAt(),
                event.occurredAt(),
                event.request().orderId().id(),
                null,
                () -> new EventData.ManualRefundRequired(
                        EventData.Return.of(event.request()),
                        EventData.Amount.of(event.amount()),
                        event.reason(),
                        event.occurredAt()));
    }

    @EventListener
    void on(StoreCreditGranted event) {
        send(
                WebhookEventType.STORE_CREDIT_GRANTED,
                event.transactionId().toString(),
                event.grantedAt(),
                null,
                null,
                () -> new EventData.StoreCreditGranted(
                        event.customer().id(),
                        EventData.Amount.of(event.amount()),
                        EventData.Amount.of(event.bonus()),
                        event.reason(),
                        EventData.Amount.of(event.balanceAfter()),
                        event.transactionId()));
    }

    @EventListener
    void on(GiftCardIssued event) {
        send(
                WebhookEventType.GIFT_CARD_ISSUED,
                event.giftCardId().toString(),
                clock.instant(),
                null,
                null,
                () -> new EventData.GiftCardIssued(
                        event.giftCardId(),
                        EventData.Amount.of(event.amount()),
                        event.lastFour(),
                        event.reason(),
                        event.transactionId()));
    }

    @EventListener
    void on(WalletRedeemed event) {
        send(
                WebhookEventType.WALLET_REDEEMED,
                event.transactionId().toString(),
                event.redeemedAt(),
                null,
                null,
                () -> new EventData.WalletRedeemed(
                        event.holdId(),
                        event.customer() == null ? null : event.customer().id(),
                        event.giftCardId(),
                        EventData.Amount.of(event.amount()),
                        event.transactionId()));
    }

    private void returnEnded(WebhookEventType type, ReturnView request, String actor, String reason, Instant at) {
        send(
                type,
                request.id().toString(),
                at,
                request.orderId().id(),
                null,
                () -> new EventData.ReturnEnded(EventData.Return.of(request), actor, reason, at));
    }

    private void returnStep(WebhookEventType type, ReturnView request, String actor, Instant at) {
        send(
                type,
                request.id().toString(),
                at,
                request.orderId().id(),
                null,
                () -> new EventData.ReturnStep(EventData.Return.of(request), actor, at));
    }

    @EventListener
    void on(MessageUndeliverable event) {
        send(
                WebhookEventType.MESSAGE_UNDELIVERABLE,
                event.messageId().toString(),
                event.at(),
                event.orderId(),
                null,
                () -> new EventData.MessageUndeliverable(
                        event.messageId(),
                        event.customerId(),
                        event.orderId(),
                        event.kind(),
                        event.reason(),
                        event.at()));
    }

    /** One delivery per endpoint that wants it; the body is built only when one does. */
    private void send(
            WebhookEventType type,
            String fact,
            Instant timestamp,
            @Nullable UUID orderId,
            @Nullable UUID shipmentId,
            Supplier<Object> data) {
        List<WebhookEndpoints.Subscription> subscribed = endpoints.subscribedTo(type);
        if (subscribed.isEmpty()) {
            return;
        }
        String body = json.writeValueAsString(new WebhookEvent(type.key(), timestamp, data.get()));
        for (WebhookEndpoints.Subscription endpoint : subscribed) {
            outbox.add(
                    type.key(),
                    "webhook:" + endpoint.id() + ":" + type.key() + ":" + fact,
                    endpoint.id(),
                    body,
                    orderId,
                    shipmentId,
                    clock.instant());
        }
    }
}
