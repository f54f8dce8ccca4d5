package org.aftercart.inventory;

import java.util.UUID;

/** Units of one order line that need stock. */
public record Demand(UUID orderLineId, String sku, int quantity) {}
