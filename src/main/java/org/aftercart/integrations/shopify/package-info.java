/**
 * Shopify-compatible webhook intake: {@code POST /webhooks/shopify} checks the HMAC signature on the
 * raw body, stores the delivery once per webhook id and answers at once; the order, payment,
 * cancellation and fulfillment topics are applied after commit by {@link
 * org.aftercart.integrations.shopify.ShopifyWebhookProcessor}.
 */
@NullMarked
package org.aftercart.integrations.shopify;

import org.jspecify.annotations.NullMarked;
