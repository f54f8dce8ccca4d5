package org.aftercart.catalog;

import java.math.BigDecimal;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.aftercart.platform.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds many variants at once, e.g. from an imported sales history: each new SKU becomes a variant
 * of the product with its handle. SKUs already in the catalog are left as they are, so loading the
 * same records twice adds nothing. Runs in the caller's transaction when there is one.
 */
@Service
public class CatalogBulkLoad {

    /** A variant to add; {@code productHandle} finds or names its product. */
    public record NewVariant(String sku, String productHandle, String title, BigDecimal price, String currency) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CatalogBulkLoad(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Returns the number of variants added. */
    @Transactional
    public int addMissing(Stream<NewVariant> variants) {
        jdbc.sql(
                        """
                        create temp table if not exists import_variants (
                            sku text, handle text, title text, price numeric(19, 4), currency char(3)
                        ) on commit drop
                        """)
                .update();
        jdbc.sql("truncate import_variants").update();
        try (CopyWriter copy = CopyWriter.open(
                DataSourceUtils.getConnection(dataSource),
                "import_variants",
                "sku",
                "handle",
                "title",
                "price",
                "currency")) {
            variants.forEach(variant -> copy.value(variant.sku())
                    .value(variant.productHandle())
                    .value(variant.title())
                    .value(variant.price())
                    .value(variant.currency())
                    .endRow());
            copy.finish();
        }
        jdbc.sql(
                        """
                        insert into catalog.products (id, handle, title)
                        select gen_random_uuid(), s.handle, min(s.title) from import_variants s
                        where not exists (select 1 from catalog.variants v where v.sku = s.sku)
                        group by s.handle
                        on conflict (handle) do nothing
                        """)
                .update();
        return jdbc.sql(
                        """
                        insert into catalog.variants (sku, product_id, title, price_amount, currency)
                        select s.sku, p.id, s.title, s.price, s.currency
                        from import_variants s join catalog.products p on p.handle = s.handle
                        on conflict (sku) do nothing
                        """)
                .update();
    }
}
