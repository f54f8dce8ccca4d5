package org.aftercart.orders;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What sells, from the order history (live and imported orders): units sold per SKU, most first. */
@Service
@Transactional(readOnly = true)
public class SalesRanking {

    /** A SKU and the units of it sold (ordered and not cancelled). */
    public record Sales(String sku, long units) {}

    private final JdbcClient jdbc;

    SalesRanking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The best sellers among these SKUs. */
    public List<Sales> bestsellersAmong(Collection<String> skus, int limit) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select sku, sum(ordered - cancelled) as units from orders.order_lines
                        where sku = any(?) group by sku having sum(ordered - cancelled) > 0
                        order by units desc, sku limit ?
                        """)
                .params(skus.toArray(String[]::new), Math.clamp(limit, 1, 100))
                .query((rs, row) -> new Sales(rs.getString("sku"), rs.getLong("units")))
                .list();
    }

    /**
     * What was bought in the same orders as these SKUs, other than them, most units first: "bought
     * together".
     */
    public List<Sales> boughtWith(Collection<String> skus, int limit) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select l.sku, sum(l.ordered - l.cancelled) as units from orders.order_lines l
                        where l.order_id in (select order_id from orders.order_lines where sku = any(:skus))
                          and l.sku <> all(:skus)
                        group by l.sku having sum(l.ordered - l.cancelled) > 0
                        order by units desc, l.sku limit :limit
                        """)
                .param("skus", skus.toArray(String[]::new))
                .param("limit", Math.clamp(limit, 1, 100))
                .query((rs, row) -> new Sales(rs.getString("sku"), rs.getLong("units")))
                .list();
    }

    /** The best sellers of the whole shop. */
    public List<Sales> bestsellers(int limit) {
        return jdbc.sql(
                        """
                        select sku, sum(ordered - cancelled) as units from orders.order_lines
                        group by sku having sum(ordered - cancelled) > 0
                        order by units desc, sku limit ?
                        """)
                .param(Math.clamp(limit, 1, 100))
                .query((rs, row) -> new Sales(rs.getString("sku"), rs.getLong("units")))
                .list();
    }
}
