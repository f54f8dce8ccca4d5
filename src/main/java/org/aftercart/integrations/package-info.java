/**
 * The edges to other systems. Inbound storefront webhooks (Shopify-compatible, in {@code shopify})
 * are verified, stored once as receipts and applied after commit through the public APIs of orders
 * and catalog; what no module API takes yet (fulfillments reported by the storefront) is published
 * as an event.
 */
@NullMarked
@ApplicationModule(displayName = "Integrations")
package org.aftercart.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
