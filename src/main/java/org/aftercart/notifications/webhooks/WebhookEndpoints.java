package org.aftercart.notifications.webhooks;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The webhook endpoints table. The enabled endpoints and their event types are kept in memory for
 * {@code endpoints-cache-for}, because every order, parcel and refund asks for them: an instance sees
 * its own changes at once, other instances' after that time.
 */
@Repository
class WebhookEndpoints {

    /** An enabled endpoint and the event types it wants (empty: all). */
    record Subscription(UUID id, Set<String> eventTypes) {

        boolean wants(WebhookEventType type) {
            return eventTypes.isEmpty() || eventTypes.contains(type.key());
        }
    }

    /** What a delivery needs: where to, whether it may go, and the secrets that sign it, newest first. */
    record Target(String url, boolean enabled, @Nullable String disabledReason, List<WebhookSecret> secrets) {}

    /** A new endpoint and its secret, shown this once. */
    record Created(WebhookEndpoint endpoint, String secret) {}

    /** A new secret, shown this once; the previous one keeps signing until {@code previousSecretValidUntil}. */
    record Rotated(String secret, Instant previousSecretValidUntil) {}

    private static final String COLUMNS =
            "id, url, description, event_types, enabled, disabled_reason, previous_secret_until, created_at, updated_at";

    private final JdbcClient jdbc;
    private final LoadingCache<Boolean, List<Subscription>> enabled;

    WebhookEndpoints(JdbcClient jdbc, WebhookSettings settings) {
        this.jdbc = jdbc;
        this.enabled = Caffeine.newBuilder()
                .expireAfterWrite(settings.endpointsCacheFor())
                .build(key -> loadSubscriptions());
    }

    /** The enabled endpoints that want this event type. */
    List<Subscription> subscribedTo(WebhookEventType type) {
        return enabled.get(Boolean.TRUE).stream()
                .filter(subscription -> subscription.wants(type))
                .toList();
    }

    Created create(String url, @Nullable String description, List<String> eventTypes) {
        UUID id = UUID.randomUUID();
        WebhookSecret secret = WebhookSecret.generate();
        jdbc.sql(
                        """
                        insert into notifications.webhook_endpoints (id, url, description, event_types, secret)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(id, url, description, eventTypes.toArray(String[]::new), secret.value())
                .update();
        changed();
        return new Created(find(id).orElseThrow(), secret.value());
    }

    Optional<WebhookEndpoint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.webhook_endpoints where id = ?")
                .param(id)
                .query((rs, row) -> endpoint(rs))
                .optional();
    }

    List<WebhookEndpoint> list() {
        return jdbc.sql("select " + COLUMNS + " from notifications.webhook_endpoints order by created_at")
                .query((rs, row) -> endpoint(rs))
                .list();
    }

    /** Replaces what the merchant sets; enabling an endpoint clears why it was disabled. */
    Optional<WebhookEndpoint> update(
            UUID id, String url, @Nullable String description, List<String> eventTypes, boolean enabled) {
        int updated = jdbc.sql(
                        """
                        update notifications.webhook_endpoints
                        set url = ?, description = ?, event_types = ?, enabled = ?,
                            disabled_reason = case when ? then null else coalesce(disabled_reason, 'disabled through the API') end,
                            updated_at = now()
                        where id = ?
                        """)
                .params(url, description, eventTypes.toArray(String[]::new), enabled, enabled, id)
                .update();
        changed();
        return updated == 0 ? Optional.empty() : find(id);
    }

    /** Stops deliveries to it (those written already are refused when due); returns whether it exists. */
    boolean disable(UUID id, String reason) {
        int updated = jdbc.sql(
                        """
                        update notifications.webhook_endpoints
                        set enabled = false, disabled_reason = ?, updated_at = now()
                        where id = ?
                        """)
                .params(reason, id)
                .update();
        changed();
        return updated > 0;
    }

    /**
     * A new secret; the current one becomes the previous one and keeps signing until {@code
     * previousValidUntil}. A previous secret still in its grace period is dropped.
     */
    Optional<Rotated> rotate(UUID id, Instant previousValidUntil) {
        WebhookSecret secret = WebhookSecret.generate();
        int updated = jdbc.sql(
                        """
                        update notifications.webhook_endpoints
                        set previous_secret = secret, previous_secret_until = ?, secret = ?, updated_at = now()
                        where id = ?
                        """)
                .params(Timestamp.from(previousValidUntil), secret.value(), id)
                .update();
        return updated == 0 ? Optional.empty() : Optional.of(new Rotated(secret.value(), previousValidUntil));
    }

    Optional<Target> target(UUID id, Instant now) {
        return jdbc.sql(
                        """
                        select url, enabled, disabled_reason, secret, previous_secret, previous_secret_until
                        from notifications.webhook_endpoints where id = ?
                        """)
                .param(id)
                .query((rs, row) -> {
                    List<WebhookSecret> secrets = new ArrayList<>();
                    secrets.add(new WebhookSecret(rs.getString("secret")));
                    Timestamp previousUntil = rs.getTimestamp("previous_secret_until");
                    if (rs.getString("previous_secret") != null
                            && previousUntil != null
                            && previousUntil.toInstant().isAfter(now)) {
                        secrets.add(new WebhookSecret(rs.getString("previous_secret")));
                    }
                    return new Target(
                            rs.getString("url"), rs.getBoolean("enabled"), rs.getString("disabled_reason"), secrets);
                })
                .optional();
    }

    private List<Subscription> loadSubscriptions() {
        return jdbc.sql("select id, event_types from notifications.webhook_endpoints where enabled")
                .query((rs, row) -> new Subscription(
                        rs.getObject("id", UUID.class), Set.copyOf(strings(rs.getArray("event_types")))))
                .list();
    }

    /** Forgets the cached endpoints once the change is committed (or now, outside a transaction). */
    private void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enabled.invalidateAll();
                }
            });
        } else {
            enabled.invalidateAll();
        }
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        Timestamp previousUntil = rs.getTimestamp("previous_secret_until");
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                strings(rs.getArray("event_types")),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                previousUntil == null ? null : previousUntil.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
