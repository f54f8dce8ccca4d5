/**
 * The edges to other systems. Inbound storefront webhooks (Shopify-compatible, in {@code shopify})
 * are verified, stored once as receipts and applied after commit through the public APIs of orders,
 * catalog and fulfillment.
 */
@NullMarked
@ApplicationModule(displayName = "Integrations")
package org.aftercart.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
