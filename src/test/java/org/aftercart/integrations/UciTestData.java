package org.aftercart.integrations;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Removes what imports of the Online Retail file wrote, so that each test class starts clean. */
final class UciTestData {

    private UciTestData() {}

    static void deleteAll(JdbcClient jdbc) {
        jdbc.sql(
                        """
                        delete from orders.historical_returns where reference like 'UCI-%';
                        delete from orders.order_lines
                            where order_id in (select id from orders.orders where number like 'UCI-%');
                        delete from orders.orders where number like 'UCI-%';
                        delete from customers.customers where external_ref like 'uci:%';
                        delete from catalog.variants
                            where product_id in (select id from catalog.products where handle like 'uci-%');
                        delete from catalog.products where handle like 'uci-%'
                        """)
                .update();
    }

    static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
