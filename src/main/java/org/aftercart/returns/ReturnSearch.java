package org.aftercart.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.aftercart.orders.OrderId;
import org.aftercart.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The return list read model: a page of returns, newest first, narrowed by statuses and by a term
 * matching the start of the return or order number, ignoring case. Both are answered by indexes
 * (see V2__return_search).
 */
@Repository
class ReturnSearch {

    static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;

    ReturnSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ReturnSummaryPage search(Set<ReturnStatus> statuses, String query, int page, int size) {
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(page, 0);
        String term = query.strip().toLowerCase(Locale.ROOT);
        StringBuilder sql = new StringBuilder(
                """
                select r.id, r.number, r.order_id, r.order_number, r.customer_id, r.customer_email, r.channel,
                       r.method, r.status, r.currency, r.created_at,
                       coalesce((select sum(i.unit_refund * i.quantity) from returns.return_items i
                                 where i.return_id = r.id), 0) as value
                from returns.returns r
                where true
                """);
        if (!statuses.isEmpty()) {
            sql.append(" and r.status = any(:statuses)");
        }
        if (!term.isEmpty()) {
            sql.append(
                    """
                     and (lower(r.number) like :prefix escape '\\'
                          or lower(r.order_number) like :prefix escape '\\')
                    """);
        }
        sql.append(" order by r.created_at desc, r.number desc limit :limit offset :offset");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        if (!statuses.isEmpty()) {
            statement = statement.param(
                    "statuses", statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        if (!term.isEmpty()) {
            statement = statement.param("prefix", escapeLike(term) + "%");
        }
        List<ReturnSummary> rows = new ArrayList<>(statement
                .param("limit", pageSize + 1)
                .param("offset", (long) pageNumber * pageSize)
                .query((rs, row) -> new ReturnSummary(
                        new ReturnId(rs.getObject("id", UUID.class)),
                        rs.getString("number"),
                        new OrderId(rs.getObject("order_id", UUID.class)),
                        rs.getString("order_number"),
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("customer_email"),
                        ReturnChannel.valueOf(rs.getString("channel")),
                        ReturnMethod.valueOf(rs.getString("method")),
                        ReturnStatus.valueOf(rs.getString("status")),
                        Money.of(rs.getBigDecimal("value"), rs.getString("currency")),
                        rs.getTimestamp("created_at").toInstant()))
                .list());
        boolean hasNext = rows.size() > pageSize;
        if (hasNext) {
            rows.removeLast();
        }
        return new ReturnSummaryPage(rows, pageNumber, pageSize, hasNext);
    }

    /** The return with this number, ignoring case. */
    java.util.Optional<UUID> idOfNumber(String number) {
        return jdbc.sql("select id from returns.returns where lower(number) = lower(?)")
                .param(number.strip())
                .query(UUID.class)
                .optional();
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
