/**
 * Shipment tracking: carrier events taken in from webhooks, polling and a generic intake, mapped to
 * one canonical status, stored append-only per parcel; delivery promises and delay detection; the
 * branded tracking page.
 */
@NullMarked
@ApplicationModule(displayName = "Tracking")
package org.aftercart.tracking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
