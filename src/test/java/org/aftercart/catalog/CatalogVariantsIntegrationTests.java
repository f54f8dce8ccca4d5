package org.aftercart.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The variants a SKU can be swapped for, read from the real catalog tables. */
@SpringBootTest
class CatalogVariantsIntegrationTests {

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theVariantsOfTheSameProductAreTheActiveOnesAndTheSkuItself() {
        String prefix = "CV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
        String medium = variant(prefix + "TEE-M", prefix + "tee", "M");
        String large = variant(prefix + "TEE-L", prefix + "tee", "L");
        String small = variant(prefix + "TEE-S", prefix + "tee", "S");
        String retired = variant(prefix + "TEE-XS", prefix + "tee", "XS");
        variant(prefix + "CAP-ONE", prefix + "cap", "ONE");
        jdbc.sql("update catalog.variants set active = false where sku = ?")
                .param(retired)
                .update();

        assertThat(catalog.variantsOfSameProduct(medium))
                .as("another product's variants and retired variants are not offered; sizes small to large")
                .extracting(ProductVariant::sku)
                .containsExactly(small, medium, large);
        assertThat(catalog.variantsOfSameProduct(retired))
                .as("a retired SKU still lists itself")
                .extracting(ProductVariant::sku)
                .containsExactly(retired, small, medium, large);
        assertThat(catalog.variantsOfSameProduct(prefix + "UNKNOWN")).isEmpty();
    }

    private String variant(String sku, String handle, String option) {
        catalog.upsert(
                new Catalog.VariantDescription(sku, handle, "Tee " + handle, option, null, Money.of("19.00", "EUR")));
        return sku;
    }
}
