package org.aftercart.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aftercart.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The order list read model: a page of orders, newest first, optionally narrowed by a search term
 * that matches the start of the order number or e-mail address, or the start of any word of the
 * customer's name, ignoring case. Each of the three is answered by an index (see V2__order_search),
 * so a search does not read the whole table.
 */
@Repository
class OrderSearch {

    static final int MAX_PAGE_SIZE = 100;

    private static final String COLUMNS =
            """
            select o.id, o.number, o.channel, o.placed_at, o.customer_name, o.email, o.status, o.payment_status,
                   o.currency, o.shipping_amount + o.tax_amount - o.discount_amount
                       + coalesce((select sum(l.unit_price * (l.ordered - l.cancelled))
                                   from orders.order_lines l where l.order_id = o.id), 0) as total
            from orders.orders o
            """;

    private final JdbcClient jdbc;

    OrderSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OrderSummaryPage search(String query, int page, int size) {
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(page, 0);
        String term = query.strip().toLowerCase(Locale.ROOT);
        String nameQuery = nameQuery(term);
        JdbcClient.StatementSpec statement = jdbc.sql(sql(!term.isEmpty(), !nameQuery.isEmpty()));
        if (!term.isEmpty()) {
            statement = statement.param("prefix", escapeLike(term) + "%");
        }
        if (!nameQuery.isEmpty()) {
            statement = statement.param("nameQuery", nameQuery);
        }
        List<OrderSummary> rows = new ArrayList<>(statement
                .param("limit", pageSize + 1)
                .param("offset", (long) pageNumber * pageSize)
                .query((rs, row) -> summary(rs))
                .list());
        boolean hasNext = rows.size() > pageSize;
        if (hasNext) {
            rows.removeLast();
        }
        return new OrderSummaryPage(List.copyOf(rows), pageNumber, pageSize, hasNext);
    }

    /** One customer's orders, newest first (every channel: orders of all channels carry the customer). */
    OrderSummaryPage ofCustomer(java.util.UUID customerId, int page, int size) {
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(page, 0);
        List<OrderSummary> rows = new ArrayList<>(
                jdbc.sql(COLUMNS + "where o.customer_id = :customer order by o.placed_at desc, o.id desc"
                                + " limit :limit offset :offset")
                        .param("customer", customerId)
                        .param("limit", pageSize + 1)
                        .param("offset", (long) pageNumber * pageSize)
                        .query((rs, row) -> summary(rs))
                        .list());
        boolean hasNext = rows.size() > pageSize;
        if (hasNext) {
            rows.removeLast();
        }
        return new OrderSummaryPage(List.copyOf(rows), pageNumber, pageSize, hasNext);
    }

    private static OrderSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OrderSummary(
                new OrderId(rs.getObject("id", java.util.UUID.class)),
                rs.getString("number"),
                SalesChannel.valueOf(rs.getString("channel")),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getString("customer_name"),
                rs.getString("email"),
                OrderStatus.valueOf(rs.getString("status")),
                PaymentStatus.valueOf(rs.getString("payment_status")),
                Money.of(rs.getBigDecimal("total"), rs.getString("currency")));
    }

    /** The query, with a {@code :prefix} parameter when searching and a {@code :nameQuery} when it has words. */
    static String sql(boolean searching, boolean byName) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        if (searching) {
            sql.append(
                    """
                    where lower(o.number) like :prefix escape '\\'
                       or lower(o.email) like :prefix escape '\\'
                    """);
            if (byName) {
                sql.append(
                        """
                           or to_tsvector('simple', coalesce(o.customer_name, '')) @@ to_tsquery('simple', :nameQuery)
                        """);
            }
        }
        return sql.append("order by o.placed_at desc, o.id desc limit :limit offset :offset")
                .toString();
    }

    /** Every word of the term as a prefix, all required: "jo urn" finds "Jo Urney". */
    static String nameQuery(String term) {
        return java.util.Arrays.stream(term.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word + ":*")
                .collect(java.util.stream.Collectors.joining(" & "));
    }

    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
