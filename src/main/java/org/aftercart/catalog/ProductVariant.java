package org.aftercart.catalog;

import java.util.UUID;
import org.aftercart.shared.Money;

/**
 * A sellable variant as other modules see it.
 *
 * @param optionValues the variant's options as shown to people, e.g. "M / Blue"; empty when none
 */
public record ProductVariant(
        String sku, UUID productId, String productTitle, String optionValues, Money price, boolean active) {

    /** The title printed on order lines: the product title plus its options. */
    public String displayTitle() {
        return optionValues.isBlank() ? productTitle : productTitle + " – " + optionValues;
    }
}
