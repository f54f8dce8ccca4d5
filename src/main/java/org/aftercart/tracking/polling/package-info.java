/**
 * Polling of carriers that do not push their checkpoints: a port for carrier clients, a generic
 * HTTP JSON client configured by settings, and the scheduler that polls undelivered parcels with
 * back-off, per-carrier rate limits and retirement of silent parcels. What a poll brings goes
 * through {@link org.aftercart.tracking.TrackingIntake} like any other source.
 */
@NullMarked
package org.aftercart.tracking.polling;

import org.jspecify.annotations.NullMarked;
