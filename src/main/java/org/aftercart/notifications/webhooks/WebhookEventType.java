package org.aftercart.notifications.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The business events sent to merchant endpoints; {@link #key()} is the payload's {@code type}. */
enum WebhookEventType {
    ORDER_PLACED("order.placed"),
    ORDER_CHANGED("order.changed"),
    ORDER_CANCELLED("order.cancelled"),
    SHIPMENT_SHIPPED("shipment.shipped"),
    SHIPMENT_STATUS_CHANGED("shipment.status_changed"),
    SHIPMENT_DELAYED("shipment.delayed"),
    REFUND_ISSUED("refund.issued"),
    RETURN_REQUESTED("return.requested"),
    RETURN_APPROVED("return.approved"),
    RETURN_REJECTED("return.rejected"),
    RETURN_IN_TRANSIT("return.in_transit"),
    RETURN_RECEIVED("return.received"),
    RETURN_RESOLVED("return.resolved"),
    RETURN_CANCELLED("return.cancelled"),
    RETURN_MANUAL_REFUND_REQUIRED("return.manual_refund_required"),
    STORE_CREDIT_GRANTED("store_credit.granted"),
    GIFT_CARD_ISSUED("gift_card.issued"),
    WALLET_REDEEMED("wallet.redeemed"),
    MESSAGE_UNDELIVERABLE("message.undeliverable");

    private final String key;

    WebhookEventType(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static Optional<WebhookEventType> of(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }
}
