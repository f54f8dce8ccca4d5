package org.aftercart.orders;

import java.util.UUID;
import org.aftercart.shared.Money;

/**
 * A line as events carry it.
 *
 * @param quantity the units still wanted (ordered minus cancelled)
 * @param unshipped the units still to ship
 */
public record OrderLineSnapshot(UUID lineId, String sku, Money unitPrice, int quantity, int unshipped) {}
