package org.aftercart.notifications;

import java.util.Optional;
import java.util.UUID;
import org.aftercart.customers.ContactChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** "Text me about this order": the channel (and number) a customer chose for one order's messages. */
@Repository
class OrderChannels {

    record Choice(ContactChannel channel, @Nullable String recipient) {}

    private final JdbcClient jdbc;

    OrderChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Choice> find(UUID orderId) {
        return jdbc.sql("select channel, recipient from notifications.order_channels where order_id = ?")
                .param(orderId)
                .query((rs, row) -> new Choice(ContactChannel.valueOf(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    void choose(UUID orderId, Choice choice) {
        jdbc.sql(
                        """
                        insert into notifications.order_channels (order_id, channel, recipient) values (?, ?, ?)
                        on conflict (order_id) do update set channel = excluded.channel, recipient = excluded.recipient,
                            created_at = now()
                        """)
                .params(orderId, choice.channel().name(), choice.recipient())
                .update();
    }
}
