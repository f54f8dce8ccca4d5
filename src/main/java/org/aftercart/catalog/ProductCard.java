package org.aftercart.catalog;

import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A product as a shop window shows it: one variant standing for its product.
 *
 * @param handle the product's handle, the storefront's name for it in addresses
 */
public record ProductCard(
        String sku, UUID productId, String handle, String title, @Nullable String category, Money price) {}
