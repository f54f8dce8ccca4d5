package org.aftercart.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog's public API: look up variants by SKU and keep products in step with channels. */
@Service
public class Catalog {

    private static final String SELECT_VARIANT =
            """
            select v.sku, v.product_id, p.title, v.option_values, v.price_amount, v.currency, v.active
            from catalog.variants v join catalog.products p on p.id = v.product_id
            """;

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProductVariant> findBySku(String sku) {
        return jdbc.sql(SELECT_VARIANT + " where v.sku = ?")
                .param(sku)
                .query(Catalog::variant)
                .optional();
    }

    public Map<String, ProductVariant> findBySkus(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(SELECT_VARIANT + " where v.sku = any(?)")
                .param(skus.toArray(String[]::new))
                .query(Catalog::variant)
                .list()
                .stream()
                .collect(Collectors.toMap(ProductVariant::sku, Function.identity()));
    }

    /** The catalog's categories (those of its products), in alphabetical order. */
    public List<String> categories() {
        return jdbc.sql("select distinct category from catalog.products where category is not null order by category")
                .query(String.class)
                .list();
    }

    /** The category of each SKU's product, for SKUs whose product has one (e.g. for return policies). */
    public Map<String, String> categoriesOf(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        Map<String, String> categories = new java.util.HashMap<>();
        jdbc.sql(
                        """
                        select v.sku, p.category from catalog.variants v join catalog.products p on p.id = v.product_id
                        where v.sku = any(?) and p.category is not null
                        """)
                .param(skus.stream().distinct().toArray(String[]::new))
                .query(rs -> {
                    categories.put(rs.getString("sku"), rs.getString("category"));
                });
        return categories;
    }

    /**
     * The variants a customer may swap the SKU for: the active variants of the SKU's product (its
     * other sizes or colours) and the SKU itself even when no longer sold, in the order people
     * expect sizes in ({@link VariantOrder}). Empty for an unknown SKU.
     */
    public List<ProductVariant> variantsOfSameProduct(String sku) {
        return jdbc
                .sql(
                        SELECT_VARIANT
                                + """
                                where v.product_id = (select product_id from catalog.variants where sku = :sku)
                                  and (v.active or v.sku = :sku)
                                """)
                .param("sku", sku)
                .query(Catalog::variant)
                .list()
                .stream()
                .sorted(new VariantOrder())
                .toList();
    }

    /** A page of active variants, by SKU; for integrations that mirror the catalog. */
    public List<ProductVariant> list(int offset, int limit) {
        return jdbc.sql(SELECT_VARIANT + " where v.active order by v.sku offset ? limit ?")
                .params(Math.max(offset, 0), Math.min(Math.max(limit, 1), 1000))
                .query(Catalog::variant)
                .list();
    }

    /**
     * Creates or updates a variant (and its product, found by handle) as a sales channel describes
     * it. Used by channel intake such as Shopify, where the storefront is the source of products.
     */
    @Transactional
    public ProductVariant upsert(VariantDescription description) {
        UUID productId = jdbc.sql(
                        """
                        insert into catalog.products (id, handle, title, category) values (?, ?, ?, ?)
                        on conflict (handle) do update set title = excluded.title,
                            category = coalesce(excluded.category, catalog.products.category)
                        returning id
                        """)
                .params(
                        UUID.randomUUID(),
                        description.productHandle(),
                        description.productTitle(),
                        description.category())
                .query(UUID.class)
                .single();
        jdbc.sql(
                        """
                        insert into catalog.variants (sku, product_id, title, option_values, price_amount, currency)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (sku) do update set title = excluded.title, option_values = excluded.option_values,
                            price_amount = excluded.price_amount, currency = excluded.currency, active = true
                        """)
                .params(
                        description.sku(),
                        productId,
                        description.productTitle(),
                        description.optionValues(),
                        description.price().amount(),
                        description.price().currency().getCurrencyCode())
                .update();
        return findBySku(description.sku()).orElseThrow();
    }

    /** A variant as a channel or an import describes it. */
    public record VariantDescription(
            String sku,
            String productHandle,
            String productTitle,
            String optionValues,
            @Nullable String category,
            Money price) {}

    private static ProductVariant variant(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ProductVariant(
                rs.getString("sku"),
                rs.getObject("product_id", UUID.class),
                rs.getString("title"),
                rs.getString("option_values"),
                Money.of(rs.getBigDecimal("price_amount"), rs.getString("currency")),
                rs.getBoolean("active"));
    }
}
