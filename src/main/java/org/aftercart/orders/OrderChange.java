package org.aftercart.orders;

import java.util.UUID;

/** A change a customer or an agent may make until packing starts. */
public sealed interface OrderChange {

    record ChangeShippingAddress(ShippingAddress address) implements OrderChange {}

    /** Swap a line to another variant of the same product (size, colour), same quantity. */
    record ChangeVariant(UUID lineId, String newSku) implements OrderChange {}

    record ChangeQuantity(UUID lineId, int quantity) implements OrderChange {}

    record AddItem(String sku, int quantity) implements OrderChange {}

    record RemoveItem(UUID lineId) implements OrderChange {}
}
