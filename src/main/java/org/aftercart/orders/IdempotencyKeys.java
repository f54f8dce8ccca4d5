package org.aftercart.orders;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Remembers which order an Idempotency-Key created, and for which request. */
@Repository
class IdempotencyKeys {

    record Use(String requestHash, OrderId orderId) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Use> find(String key) {
        return jdbc.sql("select request_hash, order_id from orders.idempotency_keys where key = ?")
                .param(key)
                .query((rs, row) ->
                        new Use(rs.getString("request_hash"), new OrderId(rs.getObject("order_id", UUID.class))))
                .optional();
    }

    /** Fails with a duplicate-key error when another request took the key first. */
    void remember(String key, String requestHash, OrderId orderId) {
        jdbc.sql("insert into orders.idempotency_keys (key, request_hash, order_id) values (?, ?, ?)")
                .params(key, requestHash, orderId.id())
                .update();
    }
}
