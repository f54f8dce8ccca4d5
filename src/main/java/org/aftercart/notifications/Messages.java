package org.aftercart.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The messages table: written with their facts, claimed for delivery, closed with their outcome. */
@Repository
class Messages {

    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, kind, purpose, dedupe_key, customer_id, order_id, shipment_id, facts::text as facts, status,"
                    + " due_at, attempts, channel, recipient, reason, created_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DispatchSignal signal;

    Messages(JdbcClient jdbc, JsonMapper json, DispatchSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.signal = signal;
    }

    /**
     * Writes the message in the caller's transaction, unless one with the same dedupe key exists;
     * wakes the dispatcher once that transaction commits. Returns whether it was written.
     */
    boolean add(NewMessage message) {
        boolean express =
                MessageKind.builtIn(message.kind()).map(MessageKind::express).orElse(false);
        int added = jdbc.sql(
                        """
                        insert into notifications.messages
                            (id, kind, purpose, dedupe_key, customer_id, order_id, shipment_id, facts, due_at,
                             channel, recipient, express)
                        values (:id, :kind, :purpose, :dedupeKey, :customerId, :orderId, :shipmentId,
                                cast(:facts as jsonb), :dueAt, :channel, :recipient, :express)
                        on conflict (dedupe_key) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("kind", message.kind())
                .param("purpose", message.purpose())
                .param("dedupeKey", message.dedupeKey())
                .param("customerId", message.customerId())
                .param("orderId", message.orderId())
                .param("shipmentId", message.shipmentId())
                .param("facts", json.writeValueAsString(message.facts()))
                .param("dueAt", Timestamp.from(message.dueAt()))
                .param("channel", message.channel())
                .param("recipient", message.recipient())
                .param("express", express)
                .update();
        if (added > 0) {
            wakeAfterCommit(express);
        }
        return added > 0;
    }

    private void wakeAfterCommit(boolean express) {
        Runnable wake = express ? signal::wakeExpress : signal::wake;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.run();
                }
            });
        } else {
            wake.run();
        }
    }

    /**
     * Takes up to {@code limit} due messages for this instance: pending ones whose time has come and
     * ones whose holder's lease ran out (a crash, or a stop mid-send). Rows other instances hold are
     * skipped, not waited for. {@code expressOnly}: only messages of the express lane.
     */
    @Transactional
    List<Claimed> claimDue(Instant now, int limit, Duration lease, boolean expressOnly) {
        return jdbc.sql(
                        """
                        with due as (
                            select id from notifications.messages
                            where ((status = 'PENDING' and due_at <= :now)
                                   or (status = 'SENDING' and claimed_until < :now))
                              and (express or not :expressOnly)
                            order by due_at
                            limit :limit
                            for update skip locked
                        ), cut_off as (
                            update notifications.attempts a set outcome = 'UNKNOWN', finished_at = :now,
                                detail = 'cut off before its outcome was recorded'
                            from due where a.message_id = due.id and a.finished_at is null
                            returning a.message_id
                        )
                        update notifications.messages m
                        set status = 'SENDING', claimed_until = :until
                        from due where m.id = due.id
                        returning m.id, m.kind, m.purpose, m.dedupe_key, m.customer_id, m.order_id, m.shipment_id,
                            m.facts::text as facts, m.status, m.due_at, m.attempts, m.channel, m.recipient, m.reason,
                            m.created_at,
                            (m.id in (select message_id from cut_off)
                                or exists (select 1 from notifications.attempts a
                                           where a.message_id = m.id and a.number = m.attempts
                                             and a.outcome = 'UNKNOWN')) as uncertain
                        """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .param("expressOnly", expressOnly)
                .query((rs, row) -> new Claimed(row(rs), rs.getBoolean("uncertain")))
                .list();
    }

    /** A message this instance now holds; {@code uncertain}: its last attempt may have gone through. */
    record Claimed(MessageRow message, boolean uncertain) {}

    /** Puts a held message back to wait until {@code until} (quiet hours, the digest window). */
    void holdUntil(UUID id, Instant until, String reason) {
        jdbc.sql(
                        """
                        update notifications.messages set status = 'PENDING', due_at = ?, reason = ?, claimed_until = null
                        where id = ?
                        """)
                .params(Timestamp.from(until), reason, id)
                .update();
    }

    /** Closes a message without sending it: undeliverable, suppressed or digested. */
    void close(UUID id, MessageStatus status, String reason) {
        jdbc.sql(
                        """
                        update notifications.messages set status = ?, reason = ?, claimed_until = null
                        where id = ?
                        """)
                .params(status.name(), reason, id)
                .update();
    }

    /**
     * Folds the same news for other parcels into a digest: {@code held}, messages this instance
     * holds in the same round, and {@code waiting}, pending ones (unless another instance took them
     * meanwhile). Returns the ids folded.
     */
    @Transactional
    List<UUID> foldIntoDigest(UUID digest, List<UUID> held, List<UUID> waiting) {
        if (held.isEmpty() && waiting.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        update notifications.messages set status = 'DIGESTED', digest_id = :digest, claimed_until = null,
                            reason = 'Told in one message with the order''s other parcels.'
                        where (id = any(:held) and status = 'SENDING') or (id = any(:waiting) and status = 'PENDING')
                        returning id
                        """)
                .param("digest", digest)
                .param("held", held.toArray(UUID[]::new))
                .param("waiting", waiting.toArray(UUID[]::new))
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** Pending messages of the same kind for the order's other parcels. */
    List<MessageRow> pendingSiblings(MessageRow message) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from notifications.messages
                        where order_id = ? and kind = ? and status = 'PENDING' and id <> ?
                        order by created_at
                        """)
                .params(message.orderId(), message.kind(), message.id())
                .query((rs, row) -> row(rs))
                .list();
    }

    /** Records that an attempt starts now, before the provider is called; returns its number. */
    int startAttempt(
            UUID id,
            @Nullable UUID customerId,
            String channel,
            String recipient,
            @Nullable String subject,
            String locale) {
        // One statement: one round trip per message on the dispatcher's path.
        return jdbc.sql(
                        """
                        with started as (
                            update notifications.messages
                            set attempts = attempts + 1, customer_id = coalesce(customer_id, :customerId),
                                channel = :channel, recipient = :recipient, subject = :subject, locale = :locale
                            where id = :id returning id, attempts
                        )
                        insert into notifications.attempts (message_id, number, channel)
                        select id, attempts, :channel from started
                        returning number
                        """)
                .param("customerId", customerId)
                .param("channel", channel)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("locale", locale)
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    /** Records the attempt's outcome and where the message goes from here, in one statement. */
    void finishAttempt(
            UUID id,
            int attempt,
            SendResult result,
            MessageStatus next,
            @Nullable Instant retryAt,
            @Nullable String reason) {
        jdbc.sql(
                        """
                        with finished as (
                            update notifications.attempts set finished_at = now(), outcome = :outcome,
                                detail = :detail, provider_id = :providerId
                            where message_id = :id and number = :attempt
                        )
                        update notifications.messages set status = :status, claimed_until = null,
                            due_at = coalesce(:retryAt, due_at), reason = :reason,
                            provider_id = coalesce(:providerId, provider_id),
                            sent_at = case when :status = 'SENT' then now() else sent_at end
                        where id = :id
                        """)
                .param("outcome", result.outcome().name())
                .param("detail", result.detail())
                .param("attempt", attempt)
                .param("status", next.name())
                .param("retryAt", retryAt == null ? null : Timestamp.from(retryAt))
                .param("reason", reason)
                .param("providerId", result.providerId())
                .param("id", id)
                .update();
    }

    /**
     * A provider reports that a message it took never reached the recipient (a bounce): a sent one
     * becomes undeliverable, and its last attempt says why. Returns the message, if it was sent.
     */
    Optional<MessageRow> bounced(String channel, String providerId, String reason) {
        return jdbc.sql(
                        """
                        with bounced as (
                            update notifications.messages set status = 'UNDELIVERABLE', reason = :reason
                            where provider_id = :providerId and channel = :channel and status = 'SENT'
                            returning %s
                        ), noted as (
                            update notifications.attempts a set detail = :reason
                            from bounced where a.message_id = bounced.id and a.number = bounced.attempts
                        )
                        select * from bounced
                        """
                                .formatted(COLUMNS))
                .param("reason", reason)
                .param("providerId", providerId)
                .param("channel", channel)
                .query((rs, row) -> row(rs))
                .optional();
    }

    /** A provider reports that a sent message reached the recipient; returns whether one was found. */
    boolean delivered(String channel, String providerId) {
        int updated = jdbc.sql(
                        """
                        update notifications.messages set delivered_at = coalesce(delivered_at, now())
                        where provider_id = ? and channel = ? and status = 'SENT'
                        """)
                .params(providerId, channel)
                .update();
        return updated > 0;
    }

    /** When the customer's marketing messages since {@code since} went out (or, in flight, began to). */
    List<Instant> marketingSince(UUID customerId, Instant since) {
        return jdbc.sql(
                        """
                        select coalesce(m.sent_at, a.started_at) from notifications.messages m
                        left join notifications.attempts a on a.message_id = m.id and a.number = m.attempts
                        where m.customer_id = ? and m.purpose = 'MARKETING'
                          and (m.status = 'SENT' and m.sent_at >= ? or m.status = 'SENDING' and m.attempts > 0)
                        """)
                .params(customerId, Timestamp.from(since))
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    /** Serialises decisions about one customer's budget across transactions and instances. */
    void lockCustomer(UUID customerId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('notifications.budget:' || ?, 0))")
                .param(customerId.toString())
                .query((rs, row) -> 1)
                .list();
    }

    /** An agent asks for another try of a failed or undeliverable message; returns whether it was. */
    @Transactional
    boolean retryNow(UUID id) {
        int updated = jdbc.sql(
                        """
                        update notifications.messages set status = 'PENDING', due_at = now(),
                            reason = 'retried by an agent'
                        where id = ? and status in ('FAILED', 'UNDELIVERABLE')
                        """)
                .param(id)
                .update();
        if (updated > 0) {
            // Both lanes: an express message retried is found by either.
            wakeAfterCommit(true);
            wakeAfterCommit(false);
        }
        return updated > 0;
    }

    /** Counts an open (the first one dates it) or a click. Returns false for an unknown message. */
    @Transactional
    /**
     * Counts an open, click or unsubscribe. Returns whether it was the message's first of its kind
     * (the first open, the first click), read under a lock on the message so that two requests
     * cannot both be first; false for an unknown message.
     */
    boolean recordEngagement(UUID id, String action, @Nullable String url) {
        Optional<Boolean> first = jdbc.sql(
                        "select opened_at is null as unopened, clicks = 0 as unclicked from notifications.messages where id = ? for update")
                .param(id)
                .query((rs, row) -> switch (action) {
                    case "OPEN" -> rs.getBoolean("unopened");
                    case "CLICK" -> rs.getBoolean("unclicked");
                    default -> false;
                })
                .optional();
        if (first.isEmpty()) {
            return false;
        }
        jdbc.sql(
                        """
                        update notifications.messages set
                            opened_at = case when :action = 'OPEN' then coalesce(opened_at, now()) else opened_at end,
                            clicks = clicks + case when :action = 'CLICK' then 1 else 0 end
                        where id = :id
                        """)
                .param("action", action)
                .param("id", id)
                .update();
        jdbc.sql("insert into notifications.engagement (message_id, action, url) values (?, ?, ?)")
                .params(id, action, url)
                .update();
        return first.get();
    }

    Optional<UUID> idOf(String dedupeKey) {
        return jdbc.sql("select id from notifications.messages where dedupe_key = ?")
                .param(dedupeKey)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .optional();
    }

    Optional<MessageRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.messages where id = ?")
                .param(id)
                .query((rs, row) -> row(rs))
                .optional();
    }

    private MessageRow row(ResultSet rs) throws SQLException {
        return new MessageRow(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("purpose"),
                rs.getString("dedupe_key"),
                rs.getObject("customer_id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getObject("shipment_id", UUID.class),
                json.readValue(rs.getString("facts"), FACTS),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("due_at").toInstant(),
                rs.getInt("attempts"),
                rs.getString("channel"),
                rs.getString("recipient"),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant());
    }
}
