package org.aftercart.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.aftercart.orders.OrderCancelled;
import org.aftercart.orders.OrderChanged;
import org.aftercart.orders.OrderPlaced;
import org.aftercart.payments.RefundIssued;
import org.aftercart.tracking.ShipmentDelayed;
import org.aftercart.tracking.ShipmentShipped;
import org.aftercart.tracking.ShipmentStatusChanged;
import org.aftercart.tracking.ShipmentView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns business facts into messages, written in the very transaction that records the fact (plain
 * event listeners, not after-commit ones): if the fact commits, so does its message, and a crash
 * cannot keep one without the other. Each message has a dedupe key naming its fact, so a fact told
 * twice (a redelivered webhook, a status corrected back and forth) makes one message. Facts older
 * than {@code aftercart.notifications.news-within} (a late carrier event, an imported order) are not
 * news and make none.
 */
@Component
class MessageTriggers {

    private final Messages messages;
    private final NotificationSettings settings;
    private final Clock clock;

    MessageTriggers(Messages messages, NotificationSettings settings, Clock clock) {
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(OrderPlaced event) {
        if (isNews(event.placedAt()) && event.customerId() != null) {
            add(
                    MessageKind.ORDER_CONFIRMED,
                    "order-confirmed:" + event.orderId(),
                    UUID.fromString(event.customerId()),
                    event.orderId().id(),
                    null,
                    Map.of());
        }
    }

    @EventListener
    void on(OrderChanged event) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("description", event.description());
        facts.put("change", event.kind().name());
        facts.put("priceDifference", event.priceDifference().amount().toPlainString());
        facts.put("currency", event.priceDifference().currency().getCurrencyCode());
        add(
                MessageKind.ORDER_CHANGED,
                "order-changed:" + event.orderId() + ":v" + event.version(),
                null,
                event.orderId().id(),
                null,
                facts);
    }

    @EventListener
    void on(OrderCancelled event) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("reason", event.reason());
        facts.put("refund", event.priceDifference().negate().amount().toPlainString());
        facts.put("currency", event.priceDifference().currency().getCurrencyCode());
        add(
                MessageKind.ORDER_CANCELLED,
                "order-cancelled:" + event.orderId(),
                null,
                event.orderId().id(),
                null,
                facts);
    }

    @EventListener
    void on(ShipmentShipped event) {
        if (isNews(event.shipment().shippedAt())) {
            parcelNews(MessageKind.SHIPPED, event.shipment(), Map.of());
        }
    }

    @EventListener
    void on(ShipmentStatusChanged event) {
        if (!isNews(event.occurredAt())) {
            return;
        }
        MessageKind kind =
                switch (event.status()) {
                    case OUT_FOR_DELIVERY -> MessageKind.OUT_FOR_DELIVERY;
                    case DELIVERED -> MessageKind.DELIVERED;
                    case READY_FOR_PICKUP -> MessageKind.READY_FOR_PICKUP;
                    case DELAYED -> MessageKind.DELAYED;
                    case ATTEMPT_FAILED, EXCEPTION, RETURNING_TO_SENDER -> MessageKind.EXCEPTION;
                    default -> null;
                };
        if (kind != null) {
            Map<String, Object> facts = new HashMap<>();
            facts.put("status", event.status().name());
            if (event.description() != null) {
                facts.put("description", event.description());
            }
            parcelNews(kind, event.shipment(), facts);
        }
    }

    @EventListener
    void on(ShipmentDelayed event) {
        parcelNews(MessageKind.DELAYED, event.shipment(), Map.of("status", "DELAYED", "reason", event.reason()));
    }

    @EventListener
    void on(RefundIssued event) {
        add(
                MessageKind.REFUND_ISSUED,
                "refund-issued:" + event.transactionId(),
                null,
                event.orderId(),
                null,
                Map.of(
                        "amount",
                        event.amount().amount().toPlainString(),
                        "currency",
                        event.amount().currency().getCurrencyCode()));
    }

    /** One message per parcel and milestone; waits the digest window so parcels moving together share one. */
    private void parcelNews(MessageKind kind, ShipmentView shipment, Map<String, Object> facts) {
        messages.add(NewMessage.of(
                kind,
                kind.key() + ":" + shipment.id(),
                null,
                shipment.orderId(),
                shipment.id(),
                facts,
                clock.instant().plus(settings.digestWindow())));
    }

    private void add(
            MessageKind kind,
            String dedupeKey,
            @Nullable UUID customerId,
            UUID orderId,
            @Nullable UUID shipmentId,
            Map<String, Object> facts) {
        messages.add(NewMessage.of(kind, dedupeKey, customerId, orderId, shipmentId, facts, clock.instant()));
    }

    private boolean isNews(Instant when) {
        return !when.isBefore(clock.instant().minus(settings.newsWithin()));
    }
}
