package org.aftercart.conversations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notes table. */
@Repository
class Notes {

    private final JdbcClient jdbc;

    Notes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CustomerNote add(UUID customerId, @Nullable UUID orderId, String body, String author, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into conversations.notes (id, customer_id, order_id, body, author, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(id, customerId, orderId, body, author, Timestamp.from(at))
                .update();
        return new CustomerNote(id, customerId, orderId, body, author, at);
    }

    List<CustomerNote> ofCustomer(UUID customerId, int limit) {
        return jdbc.sql(
                        """
                        select id, customer_id, order_id, body, author, created_at from conversations.notes
                        where customer_id = ? order by created_at desc, id limit ?
                        """)
                .params(customerId, limit)
                .query((rs, row) -> new CustomerNote(
                        rs.getObject("id", UUID.class),
                        rs.getObject("customer_id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("body"),
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
