package org.aftercart.integrations.shopify;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The synchronous part of a delivery: store the receipt once per webhook id and publish {@link
 * ShopifyWebhookReceived} in the same transaction. Nothing else happens before the sender gets its
 * answer.
 */
@Service
class ShopifyWebhookIntake {

    private final WebhookReceipts receipts;
    private final ApplicationEventPublisher events;

    ShopifyWebhookIntake(WebhookReceipts receipts, ApplicationEventPublisher events) {
        this.receipts = receipts;
        this.events = events;
    }

    /** The new receipt's id, or empty when this webhook id was received before. */
    @Transactional
    Optional<UUID> store(ShopifyTopic topic, String webhookId, @Nullable String shopDomain, String payload) {
        Optional<UUID> receipt =
                receipts.insert(WebhookReceipts.SHOPIFY, webhookId, topic.header(), shopDomain, payload);
        receipt.ifPresent(id -> events.publishEvent(new ShopifyWebhookReceived(id)));
        return receipt;
    }
}
