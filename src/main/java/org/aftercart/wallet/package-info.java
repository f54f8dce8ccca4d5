/**
 * Store credit and gift cards as append-only double-entry ledgers: every movement is one journal
 * transaction under the idempotency key of the fact that caused it, balances are derived from the
 * entries, and checkout redeems through holds that are captured, voided or expire.
 */
@NullMarked
@ApplicationModule(displayName = "Wallet")
package org.aftercart.wallet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
