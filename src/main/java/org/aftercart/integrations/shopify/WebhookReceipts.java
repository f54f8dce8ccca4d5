package org.aftercart.integrations.shopify;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inbound webhook deliveries, raw, once per sender and webhook id, with what became of them. */
@Repository
class WebhookReceipts {

    static final String SHOPIFY = "shopify";

    /** What the receipt came to. */
    enum Status {
        RECEIVED,
        PROCESSED,
        PARTIALLY_APPLIED,
        REFUSED,
        FAILED
    }

    record Receipt(
            UUID id,
            String topic,
            String payload,
            @Nullable String shopDomain,
            Status status,
            @Nullable Instant processedAt,
            int attempts) {}

    private final JdbcClient jdbc;

    WebhookReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a delivery; empty when this sender's webhook id was stored before (a replay). */
    Optional<UUID> insert(String source, String externalId, String topic, @Nullable String shopDomain, String payload) {
        return jdbc.sql(
                        """
                        insert into integrations.webhook_receipts (id, source, external_id, topic, shop_domain, payload)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (source, external_id) do nothing
                        returning id
                        """)
                .params(UUID.randomUUID(), source, externalId, topic, shopDomain, payload)
                .query(UUID.class)
                .optional();
    }

    Optional<Receipt> find(UUID id) {
        return jdbc.sql(
                        """
                        select id, topic, payload, shop_domain, status, processed_at, attempts
                        from integrations.webhook_receipts where id = ?
                        """)
                .param(id)
                .query((rs, row) -> new Receipt(
                        rs.getObject("id", UUID.class),
                        rs.getString("topic"),
                        rs.getString("payload"),
                        rs.getString("shop_domain"),
                        Status.valueOf(rs.getString("status")),
                        rs.getTimestamp("processed_at") == null
                                ? null
                                : rs.getTimestamp("processed_at").toInstant(),
                        rs.getInt("attempts")))
                .optional();
    }

    int attempts(UUID id) {
        return jdbc.sql("select attempts from integrations.webhook_receipts where id = ?")
                .param(id)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** The receipt is done with: applied wholly or partly ({@code outcome} says what), or refused. */
    void complete(UUID id, Status status, String outcome, @Nullable String failure, @Nullable UUID orderId) {
        jdbc.sql(
                        """
                        update integrations.webhook_receipts
                        set status = ?, outcome = ?, failure = ?, order_id = coalesce(?, order_id),
                            processed_at = now(), attempts = attempts + 1
                        where id = ?
                        """)
                .params(status.name(), outcome, failure, orderId, id)
                .update();
    }

    /** An attempt failed with an error that may pass; the receipt stays unprocessed for a retry. */
    void recordFailure(UUID id, String failure) {
        jdbc.sql(
                        """
                        update integrations.webhook_receipts
                        set status = 'FAILED', failure = ?, attempts = attempts + 1
                        where id = ? and processed_at is null
                        """)
                .params(failure, id)
                .update();
    }
}
