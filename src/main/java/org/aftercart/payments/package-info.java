/**
 * Money movements with payment providers behind one port: captures, charges and refunds, each a
 * durable transaction keyed by the business fact that caused it, executed outside database
 * transactions and never silently lost.
 */
@NullMarked
@ApplicationModule(displayName = "Payments")
package org.aftercart.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
