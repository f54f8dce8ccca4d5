package org.aftercart.integrations.shopify;

import java.util.UUID;

/**
 * A verified Shopify delivery was stored as a receipt; published in the same transaction, so the
 * event publication registry holds it until {@link ShopifyWebhookProcessor} has applied it.
 */
public record ShopifyWebhookReceived(UUID receiptId) {}
