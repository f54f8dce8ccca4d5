package org.aftercart.notifications;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.CustomerId;
import org.aftercart.orders.OrderId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notifications module's public API. */
@Service
public class Notifications {

    private static final String VIEW_COLUMNS =
            """
            id, kind, purpose, status, customer_id, order_id, channel, recipient, subject, reason, attempts,
            created_at, due_at, sent_at, opened_at, clicks
            """;

    private final Messages messages;
    private final OrderChannels orderChannels;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Notifications(
            Messages messages,
            OrderChannels orderChannels,
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher events) {
        this.messages = messages;
        this.orderChannels = orderChannels;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Writes the message in the caller's transaction (once per dedupe key); it is delivered after
     * commit. Returns whether it was new.
     */
    @Transactional
    public boolean request(NotificationRequest request) {
        return messages.add(NewMessage.of(
                request.kind(),
                request.dedupeKey(),
                request.customer().id(),
                request.orderId(),
                null,
                request.facts(),
                request.notBefore() == null ? clock.instant() : request.notBefore()));
    }

    /**
     * Sends a one-time sign-in link to the address that asked for it, by e-mail whatever the
     * customer chose for other messages, in {@code locale}, at once (never held for quiet hours) and
     * through the dispatcher's express lane. Written in the caller's transaction when there is one.
     *
     * @param validFor how long the link works, told in the message
     */
    @Transactional
    public void sendSignInLink(String email, URI link, Duration validFor, Locale locale) {
        messages.add(new NewMessage(
                MessageKind.SIGN_IN_LINK.key(),
                MessageKind.SIGN_IN_LINK.purpose().name(),
                "sign-in-link:" + UUID.randomUUID(),
                null,
                null,
                null,
                Map.of(
                        "link", link.toString(),
                        "minutes", Math.max(1, validFor.toMinutes()),
                        "locale", locale.toLanguageTag()),
                clock.instant(),
                "EMAIL",
                email));
    }

    /**
     * "Text me about this order": this order's messages go by {@code channel}, to {@code phone} when
     * given (for SMS), whatever the customer chose in general.
     *
     * @throws InvalidPhoneNumber when the number cannot receive texts
     */
    @Transactional
    public void chooseChannelForOrder(
            OrderId order, ContactChannel channel, @Nullable String phone, @Nullable String country) {
        String recipient = null;
        if (channel == ContactChannel.SMS && phone != null && !phone.isBlank()) {
            recipient = PhoneNumbers.mobileE164(phone, country).orElseThrow(() -> new InvalidPhoneNumber(phone));
        }
        orderChannels.choose(order.id(), new OrderChannels.Choice(channel, recipient));
    }

    public List<MessageView> ofOrder(OrderId order) {
        return jdbc.sql(
                        "select " + VIEW_COLUMNS
                                + " from notifications.messages where order_id = ? and purpose <> 'WEBHOOK' order by created_at desc")
                .param(order.id())
                .query((rs, row) -> view(rs, List.of()))
                .list();
    }

    public List<MessageView> ofCustomer(CustomerId customer) {
        return jdbc.sql("select " + VIEW_COLUMNS
                        + " from notifications.messages where customer_id = ? order by created_at desc limit 200")
                .param(customer.id())
                .query((rs, row) -> view(rs, List.of()))
                .list();
    }

    /** Messages that did not reach their recipient (failed after retries, or undeliverable), newest first. */
    public List<MessageView> problems(int page, int size) {
        return jdbc.sql("select " + VIEW_COLUMNS
                        + " from notifications.messages where status in ('FAILED', 'UNDELIVERABLE')"
                        + " order by created_at desc limit ? offset ?")
                .params(size, page * size)
                .query((rs, row) -> view(rs, List.of()))
                .list();
    }

    /** How many {@link #problems} there are, messages and webhook deliveries alike (index messages_problem_idx). */
    public long countProblems() {
        return jdbc.sql("select count(*) from notifications.messages where status in ('FAILED', 'UNDELIVERABLE')")
                .query(Long.class)
                .single();
    }

    /** One message with every attempt. */
    public Optional<MessageView> find(UUID id) {
        List<MessageView.Attempt> attempts = jdbc.sql(
                        """
                        select number, channel, started_at, finished_at, outcome, detail, provider_id
                        from notifications.attempts where message_id = ? order by number
                        """)
                .param(id)
                .query((rs, row) -> new MessageView.Attempt(
                        rs.getInt("number"),
                        rs.getString("channel"),
                        rs.getTimestamp("started_at").toInstant(),
                        instant(rs.getTimestamp("finished_at")),
                        rs.getString("outcome"),
                        rs.getString("detail"),
                        rs.getString("provider_id")))
                .list();
        return jdbc.sql("select " + VIEW_COLUMNS + " from notifications.messages where id = ?")
                .param(id)
                .query((rs, row) -> view(rs, attempts))
                .optional();
    }

    /**
     * An agent sends a failed or undeliverable message again (after fixing the address, say).
     *
     * @throws MessageNotRetryable when it is not failed or undeliverable
     */
    public void retry(UUID id) {
        if (!messages.retryNow(id)) {
            throw new MessageNotRetryable(id);
        }
    }

    /**
     * An agent sends a new copy of a message the customer received (and lost): a new message with the
     * same kind and facts, routed again to the customer's channel as it is now, its facts naming the
     * original ({@code resentFrom}) and who asked ({@code resentBy}). Sign-in links are never resent
     * (each is for one sign-in). Once per {@code idempotencyKey}: a repeat answers with the same copy.
     *
     * @return the new message's id
     * @throws MessageNotResendable unless the message is a sent transactional message to a customer
     */
    @Transactional
    public UUID resend(UUID id, String resentBy, String idempotencyKey) {
        MessageRow original = messages.find(id)
                .filter(message -> message.status() == MessageStatus.SENT)
                .filter(message -> MessageKind.Purpose.TRANSACTIONAL.name().equals(message.purpose()))
                .filter(message -> !MessageKind.SIGN_IN_LINK.key().equals(message.kind()))
                .filter(message -> message.customerId() != null)
                .orElseThrow(() -> new MessageNotResendable(id));
        String dedupeKey = "resend:" + id + ":" + idempotencyKey;
        Map<String, Object> facts = new java.util.LinkedHashMap<>(original.facts());
        facts.put("resentFrom", id.toString());
        facts.put("resentBy", resentBy);
        Instant now = clock.instant();
        boolean queued = messages.add(new NewMessage(
                original.kind(),
                original.purpose(),
                dedupeKey,
                original.customerId(),
                original.orderId(),
                original.shipmentId(),
                facts,
                now,
                null,
                null));
        UUID copy = messages.idOf(dedupeKey).orElseThrow();
        if (queued) {
            // Only the first request under the key: a repeat queues nothing and says nothing new.
            events.publishEvent(new MessageResent(
                    copy, id, original.customerId(), original.orderId(), original.kind(), resentBy, now));
        }
        return copy;
    }

    private static MessageView view(ResultSet rs, List<MessageView.Attempt> attempts) throws SQLException {
        return new MessageView(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("purpose"),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getObject("customer_id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getString("channel"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("reason"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(),
                instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("opened_at")),
                rs.getInt("clicks"),
                attempts);
    }

    private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
