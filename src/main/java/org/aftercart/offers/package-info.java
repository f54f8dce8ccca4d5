/**
 * The merchant's offers and where customers see them: offers (headline, text, call to action,
 * target, optional code, languages, active window) shown one at a time in a page's slot, with their
 * views and clicks counted per order; and the thank-you page a storefront sends the customer to
 * after checkout, opened by a signed link, which carries the thank-you slot.
 */
@NullMarked
@ApplicationModule(
        displayName = "Offers",
        allowedDependencies = {"orders", "customers", "tracking", "support", "platform", "shared"})
package org.aftercart.offers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
