package org.aftercart.inventory;

import java.util.UUID;

/**
 * Units of an order line reserved at a location.
 *
 * @param backordered how many of those units the location does not have yet
 */
public record Allocation(UUID orderLineId, String sku, String locationCode, int quantity, int backordered) {}
