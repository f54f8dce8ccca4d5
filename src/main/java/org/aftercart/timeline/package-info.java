/**
 * The customer timeline: one entry per fact about a customer (orders, parcels, messages, returns,
 * money, contacts), kept from the other modules' events, newest first for the console.
 */
@NullMarked
@ApplicationModule(displayName = "Customer timeline")
package org.aftercart.timeline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
