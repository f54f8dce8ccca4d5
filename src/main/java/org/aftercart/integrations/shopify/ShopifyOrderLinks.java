package org.aftercart.integrations.shopify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.aftercart.orders.OrderId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which Aftercart order and lines each Shopify order and line item became. */
@Repository
class ShopifyOrderLinks {

    /**
     * @param lastUpdatedAt Shopify's {@code updated_at} of the newest order state applied
     */
    record Link(long shopifyOrderId, OrderId orderId, @Nullable Instant lastUpdatedAt) {}

    private final JdbcClient jdbc;

    ShopifyOrderLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> find(long shopifyOrderId) {
        return jdbc.sql(
                        "select shopify_order_id, order_id, last_updated_at from integrations.shopify_orders where shopify_order_id = ?")
                .param(shopifyOrderId)
                .query((rs, row) -> new Link(
                        rs.getLong("shopify_order_id"),
                        new OrderId(rs.getObject("order_id", UUID.class)),
                        rs.getTimestamp("last_updated_at") == null
                                ? null
                                : rs.getTimestamp("last_updated_at").toInstant()))
                .optional();
    }

    /** Order line ids by Shopify line item id. */
    Map<Long, UUID> lines(long shopifyOrderId) {
        return jdbc
                .sql(
                        "select shopify_line_item_id, order_line_id from integrations.shopify_order_lines where shopify_order_id = ?")
                .param(shopifyOrderId)
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getObject(2, UUID.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Fails with a duplicate key when another delivery linked this Shopify order first. */
    void link(long shopifyOrderId, OrderId orderId, @Nullable Instant updatedAt, Map<Long, UUID> lines) {
        jdbc.sql(
                        "insert into integrations.shopify_orders (shopify_order_id, order_id, last_updated_at) values (?, ?, ?)")
                .params(shopifyOrderId, orderId.id(), timestamp(updatedAt))
                .update();
        lines.forEach((lineItemId, orderLineId) -> jdbc.sql(
                        """
                        insert into integrations.shopify_order_lines (shopify_order_id, shopify_line_item_id, order_line_id)
                        values (?, ?, ?)
                        """)
                .params(shopifyOrderId, lineItemId, orderLineId)
                .update());
    }

    /** Remembers the newest Shopify state applied; an older one never overwrites a newer one. */
    void applied(long shopifyOrderId, @Nullable Instant updatedAt) {
        if (updatedAt == null) {
            return;
        }
        jdbc.sql(
                        """
                        update integrations.shopify_orders
                        set last_updated_at = greatest(coalesce(last_updated_at, ?), ?)
                        where shopify_order_id = ?
                        """)
                .params(timestamp(updatedAt), timestamp(updatedAt), shopifyOrderId)
                .update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
