package org.aftercart.support;

import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.shared.Money;

/** Creates products and stock with names unique to one test, so tests sharing a database never collide. */
public final class TestCatalog {

    private final Catalog catalog;
    private final Inventory inventory;
    private final String prefix =
            "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";

    public TestCatalog(Catalog catalog, Inventory inventory) {
        this.catalog = catalog;
        this.inventory = inventory;
    }

    /** A variant of product {@code product} priced in EUR, with {@code stock} units in the MAIN warehouse. */
    public String variant(String product, String option, String price, int stock) {
        String sku = prefix + product + "-" + option;
        catalog.upsert(new Catalog.VariantDescription(
                sku, prefix + product, "Product " + product, option, "test", Money.of(price, "EUR")));
        inventory.setOnHand("MAIN", sku, stock);
        return sku;
    }

    public void stock(String location, String sku, int units) {
        inventory.setOnHand(location, sku, units);
    }
}
