/**
 * The merchant's first KPIs over a period, day by day: it owns no data, and asks each module's
 * public API for the figures it computes from its own schema (ADR 25).
 */
@NullMarked
@ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"orders", "fulfillment", "tracking", "returns", "conversations", "shared"})
package org.aftercart.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
