/**
 * The staff console shell: sign-in and the pages staff work in, composed from the modules' public
 * APIs. It holds no business rules of its own, and no module depends on it.
 */
@NullMarked
@ApplicationModule(
        displayName = "Staff console",
        allowedDependencies = {
            "orders",
            "catalog",
            "fulfillment",
            "payments",
            "inventory",
            "customers",
            "notifications",
            "returns",
            "wallet",
            "support",
            "offers",
            "privacy",
            "tracking",
            "analytics",
            "timeline",
            "platform",
            "shared",
            "conversations"
        })
package org.aftercart.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
