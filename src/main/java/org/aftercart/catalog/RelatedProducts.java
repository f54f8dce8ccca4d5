package org.aftercart.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aftercart.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Products to show beside others: cards of given SKUs, and the products of the same categories. */
@Service
@Transactional(readOnly = true)
public class RelatedProducts {

    private static final String SELECT_CARD =
            """
            select v.sku, p.id, p.handle, p.title, p.category, v.price_amount, v.currency
            from catalog.variants v join catalog.products p on p.id = v.product_id
            """;

    private final JdbcClient jdbc;

    RelatedProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cards of the active variants among these SKUs, by SKU. */
    public Map<String, ProductCard> cards(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(SELECT_CARD + " where v.sku = any(?) and v.active")
                .param(skus.toArray(String[]::new))
                .query(RelatedProducts::card)
                .list()
                .stream()
                .collect(Collectors.toMap(ProductCard::sku, Function.identity()));
    }

    /**
     * Active SKUs of other products in the same categories as these SKUs' products, at most {@code
     * limit}; none when those products have no category.
     */
    public List<String> sameCategories(Collection<String> skus, int limit) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select v.sku from catalog.variants v join catalog.products p on p.id = v.product_id
                        where v.active
                          and p.category in (select p2.category from catalog.variants v2
                                             join catalog.products p2 on p2.id = v2.product_id
                                             where v2.sku = any(:skus) and p2.category is not null)
                          and p.id not in (select v3.product_id from catalog.variants v3 where v3.sku = any(:skus))
                        order by v.sku
                        limit :limit
                        """)
                .param("skus", skus.toArray(String[]::new))
                .param("limit", Math.clamp(limit, 1, 5000))
                .query(String.class)
                .list();
    }

    private static ProductCard card(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ProductCard(
                rs.getString("sku"),
                rs.getObject("id", UUID.class),
                rs.getString("handle"),
                rs.getString("title"),
                rs.getString("category"),
                Money.of(rs.getBigDecimal("price_amount"), rs.getString("currency")));
    }
}
