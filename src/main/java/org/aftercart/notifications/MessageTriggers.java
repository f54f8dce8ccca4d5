package org.aftercart.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.aftercart.orders.OrderCancelled;
import org.aftercart.orders.OrderChanged;
import org.aftercart.orders.OrderPlaced;
import org.aftercart.payments.RefundIssued;
import org.aftercart.returns.ReturnApproved;
import org.aftercart.returns.ReturnCancelled;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnReceived;
import org.aftercart.returns.ReturnRejected;
import org.aftercart.returns.ReturnRequested;
import org.aftercart.returns.ReturnResolved;
import org.aftercart.returns.ReturnView;
import org.aftercart.tracking.ShipmentDelayed;
import org.aftercart.tracking.ShipmentShipped;
import org.aftercart.tracking.ShipmentStatusChanged;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.wallet.GiftCardIssued;
import org.aftercart.wallet.StoreCreditGranted;
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

    /** The idempotency keys of the money a return moves: {@code return:<id>:refund}, {@code return:<id>:credit}. */
    private static final String RETURN_KEY_PREFIX = "return:";

    /** How long return news that the next step may make needless waits for it. */
    static final Duration RETURN_NEWS_SETTLES_AFTER = Duration.ofMinutes(2);

    private final Messages messages;
    private final NotificationSettings settings;
    private final Clock clock;

    MessageTriggers(Messages messages, NotificationSettings settings, Clock clock) {
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Not for an order handed over at a counter (an exchange's replacement taken from the shelf): the
     * customer leaves with it, and the return's resolution tells of it.
     */
    @EventListener
    void on(OrderPlaced event) {
        if (isNews(event.placedAt()) && event.customerId() != null && event.handedOverAt() == null) {
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
        if (event.idempotencyKey().startsWith(RETURN_KEY_PREFIX)) {
            return; // the return's own message tells of it (return-resolved)
        }
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

    @EventListener
    void on(StoreCreditGranted event) {
        if (event.idempotencyKey().startsWith(RETURN_KEY_PREFIX)) {
            return; // the return's own message tells of it (return-resolved)
        }
        messages.add(NewMessage.of(
                MessageKind.CREDIT_ISSUED,
                "credit-issued:" + event.transactionId(),
                event.customer().id(),
                null,
                null,
                Map.of(
                        "amount", event.amount().plus(event.bonus()).amount().toPlainString(),
                        "balance", event.balanceAfter().amount().toPlainString(),
                        "currency", event.amount().currency().getCurrencyCode(),
                        "reason", event.reason()),
                clock.instant()));
    }

    /** The card's code goes to whoever it was issued for, who need not be a customer. */
    @EventListener
    void on(GiftCardIssued event) {
        if (event.recipientEmail() == null || event.code() == null) {
            return;
        }
        messages.add(new NewMessage(
                MessageKind.GIFT_CARD_ISSUED.key(),
                MessageKind.GIFT_CARD_ISSUED.purpose().name(),
                "gift-card-issued:" + event.giftCardId(),
                null,
                null,
                null,
                Map.of(
                        "amount", event.amount().amount().toPlainString(),
                        "currency", event.amount().currency().getCurrencyCode(),
                        "code", event.code()),
                clock.instant(),
                "EMAIL",
                event.recipientEmail()));
    }

    /**
     * Waits a little: a request the rules approve at once is followed within moments by its
     * approval, whose message makes this one needless (it is then dropped, see {@link
     * Dispatcher}); only a request left for a person to review is told.
     */
    @EventListener
    void on(ReturnRequested event) {
        returnNews(
                MessageKind.RETURN_REQUESTED,
                event.request(),
                Map.of(),
                clock.instant().plus(RETURN_NEWS_SETTLES_AFTER));
    }

    /** Not for a return asked for at a store's counter: the customer is there, and told in person. */
    @EventListener
    void on(ReturnApproved event) {
        if (event.request().channel() == ReturnChannel.STORE) {
            return;
        }
        returnNews(
                MessageKind.RETURN_APPROVED,
                event.request(),
                Map.of("returnless", String.valueOf(event.request().returnless())),
                clock.instant());
    }

    @EventListener
    void on(ReturnRejected event) {
        returnNews(MessageKind.RETURN_REJECTED, event.request(), Map.of("reason", event.reason()), clock.instant());
    }

    /** Waits a little too: items received and resolved at once (in a store) need only the resolution's message. */
    @EventListener
    void on(ReturnReceived event) {
        returnNews(
                MessageKind.RETURN_RECEIVED,
                event.request(),
                Map.of(),
                clock.instant().plus(RETURN_NEWS_SETTLES_AFTER));
    }

    @EventListener
    void on(ReturnCancelled event) {
        returnNews(MessageKind.RETURN_CANCELLED, event.request(), Map.of("reason", event.reason()), clock.instant());
    }

    @EventListener
    void on(ReturnResolved event) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("returnId", event.returnId().id().toString());
        facts.put("returnNumber", event.returnNumber());
        facts.put("currency", event.refunded().currency().getCurrencyCode());
        facts.put("refunded", event.refunded().amount().toPlainString());
        facts.put("storeCredit", event.storeCredit().amount().toPlainString());
        facts.put("bonus", event.bonus().amount().toPlainString());
        facts.put(
                "totalCredit", event.storeCredit().plus(event.bonus()).amount().toPlainString());
        if (event.giftRecipientEmail() != null) {
            facts.put("giftRecipientEmail", event.giftRecipientEmail());
        }
        if (event.exchangeOrderNumber() != null) {
            facts.put("exchangeOrderNumber", event.exchangeOrderNumber());
        }
        if (event.exchangeHandedOverAt() != null) {
            facts.put("exchangeHandedOverAt", event.exchangeHandedOverAt());
        }
        messages.add(NewMessage.of(
                MessageKind.RETURN_RESOLVED,
                "return-resolved:" + event.returnId(),
                event.customerId(),
                event.orderId().id(),
                null,
                facts,
                clock.instant()));
    }

    private void returnNews(MessageKind kind, ReturnView request, Map<String, Object> more, Instant due) {
        Map<String, Object> facts = new HashMap<>(more);
        facts.put("returnId", request.id().id().toString());
        facts.put("returnNumber", request.number());
        facts.put("method", request.method().name());
        messages.add(NewMessage.of(
                kind,
                kind.key() + ":" + request.id(),
                request.customerId(),
                request.orderId().id(),
                null,
                facts,
                due));
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
