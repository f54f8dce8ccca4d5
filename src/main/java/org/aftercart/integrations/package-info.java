/**
 * The edges to other systems: inbound storefront webhooks (Shopify-compatible, in {@code shopify}),
 * verified, stored once as receipts and applied after commit through the public APIs of orders,
 * catalog and fulfillment, and bulk imports of other systems' history, such as the UCI Online
 * Retail file, through the bulk-load APIs of catalog, customers and orders.
 */
@NullMarked
@ApplicationModule(displayName = "Integrations")
package org.aftercart.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
