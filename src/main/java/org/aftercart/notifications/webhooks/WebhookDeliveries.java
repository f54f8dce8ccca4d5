package org.aftercart.notifications.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An endpoint's deliveries, as rows of the messages table, for the operator who looks into them. */
@Repository
class WebhookDeliveries {

    /**
     * One delivery: its {@code webhook-id} is {@code msg_} + {@code id}.
     *
     * @param reason why it waits, failed or was undeliverable (the last attempt's outcome)
     */
    record Delivery(
            UUID id,
            String eventType,
            String status,
            int attempts,
            @Nullable String reason,
            Instant createdAt,
            Instant dueAt,
            @Nullable Instant sentAt) {}

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest first. */
    List<Delivery> of(UUID endpoint, int limit) {
        return jdbc.sql(
                        """
                        select id, kind, status, attempts, reason, created_at, due_at, sent_at
                        from notifications.messages
                        where purpose = 'WEBHOOK' and recipient = ?
                        order by created_at desc limit ?
                        """)
                .params(endpoint.toString(), limit)
                .query((rs, row) -> new Delivery(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("due_at").toInstant(),
                        instant(rs.getTimestamp("sent_at"))))
                .list();
    }

    boolean belongsTo(UUID delivery, UUID endpoint) {
        return jdbc.sql(
                                """
                        select count(*) from notifications.messages
                        where id = ? and purpose = 'WEBHOOK' and recipient = ?
                        """)
                        .params(delivery, endpoint.toString())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
