package org.aftercart.integrations.shopify;

/**
 * A delivery that can never be applied as it stands (an order without usable lines, an amount the
 * currency cannot hold…). It is recorded on the receipt and not retried.
 */
class ShopifyRefusal extends RuntimeException {

    ShopifyRefusal(String reason) {
        super(reason);
    }
}
