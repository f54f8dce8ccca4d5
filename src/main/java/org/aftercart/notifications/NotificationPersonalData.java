package org.aftercart.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages written for the customer, their orders or their address (a gift card sent to them), with their status and attempts. Bodies
 * are not stored (a message is rendered when it goes out), so the export gives each message's kind,
 * subject and the facts it was written from. Erasure first stops every message still queued (it is
 * suppressed and will never be sent, merchant webhooks about the orders included), then removes
 * recipients, subjects, facts, attempt details and clicked links; the rows stay for the contact
 * budget's counts and delivery statistics.
 */
@Component
class NotificationPersonalData implements PersonalData {

    static final String NOT_SENT = "Not sent: the customer's personal data was erased.";

    private final JdbcClient jdbc;
    private final OrderManagement orders;
    private final Customers customers;

    NotificationPersonalData(JdbcClient jdbc, OrderManagement orders, Customers customers) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.customers = customers;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object(
                            'messages', coalesce((select jsonb_agg(to_jsonb(m) order by m."createdAt") from (
                                select m.id, m.kind, m.purpose, m.status, m.channel, m.recipient, m.subject,
                                       m.locale, m.facts, m.reason, m.created_at as "createdAt",
                                       m.sent_at as "sentAt", m.delivered_at as "deliveredAt",
                                       m.opened_at as "openedAt", m.clicks,
                                       coalesce((select jsonb_agg(jsonb_build_object(
                                               'number', a.number, 'channel', a.channel,
                                               'startedAt', a.started_at, 'outcome', a.outcome) order by a.number)
                                           from notifications.attempts a where a.message_id = m.id), '[]') as attempts
                                from notifications.messages m
                                where m.customer_id = :customer or m.order_id = any(:orders)
                                   or lower(m.recipient) = any(:addresses)) m), '[]'),
                            'orderChannels', coalesce((select jsonb_agg(jsonb_build_object(
                                    'orderId', c.order_id, 'channel', c.channel, 'recipient', c.recipient))
                                from notifications.order_channels c where c.order_id = any(:orders)), '[]'))::text
                        """)
                .param("customer", customerId)
                .param("orders", orderIds(customerId))
                .param("addresses", addresses(customerId))
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return List.of();
    }

    @Override
    public void erase(UUID customerId) {
        UUID[] orderIds = orderIds(customerId);
        String[] addresses = addresses(customerId);
        // A dispatcher claims only PENDING rows (or SENDING ones whose lease ran out), so once this
        // commits nothing of the customer's is sent again.
        jdbc.sql(
                        """
                        update notifications.messages set status = 'SUPPRESSED', reason = :reason, claimed_until = null
                        where (customer_id = :customer or order_id = any(:orders) or lower(recipient) = any(:addresses)) and status in ('PENDING', 'SENDING')
                        """)
                .param("reason", NOT_SENT)
                .param("customer", customerId)
                .param("orders", orderIds)
                .param("addresses", addresses)
                .update();
        jdbc.sql(
                        """
                        update notifications.attempts a set detail = null
                        from notifications.messages m
                        where m.id = a.message_id and a.detail is not null
                          and (m.customer_id = :customer or m.order_id = any(:orders) or lower(m.recipient) = any(:addresses))
                        """)
                .param("customer", customerId)
                .param("orders", orderIds)
                .param("addresses", addresses)
                .update();
        jdbc.sql(
                        """
                        update notifications.engagement e set url = null
                        from notifications.messages m
                        where m.id = e.message_id and e.url is not null
                          and (m.customer_id = :customer or m.order_id = any(:orders) or lower(m.recipient) = any(:addresses))
                        """)
                .param("customer", customerId)
                .param("orders", orderIds)
                .param("addresses", addresses)
                .update();
        // Last: the conditions above still find the messages by their recipient.
        jdbc.sql(
                        """
                        update notifications.messages set recipient = null, subject = null, facts = '{}',
                            reason = case when reason = :reason then reason end
                        where (customer_id = :customer or order_id = any(:orders) or lower(recipient) = any(:addresses))
                        """)
                .param("reason", NOT_SENT)
                .param("customer", customerId)
                .param("orders", orderIds)
                .param("addresses", addresses)
                .update();
        jdbc.sql("update notifications.order_channels set recipient = null where order_id = any(?)")
                .param(orderIds)
                .update();
    }

    /**
     * The customer's e-mail and phone, for messages addressed to them without naming them (a gift
     * card sent to their address); the customers module erases them only after this one.
     */
    private String[] addresses(UUID customerId) {
        return customers
                .find(new CustomerId(customerId))
                .map(profile -> Stream.of(profile.email(), profile.phone())
                        .filter(Objects::nonNull)
                        .map(address -> address.toLowerCase(Locale.ROOT))
                        .toArray(String[]::new))
                .orElse(new String[0]);
    }

    private UUID[] orderIds(UUID customerId) {
        return orders.idsOfCustomer(new CustomerId(customerId)).stream()
                .map(OrderId::id)
                .toArray(UUID[]::new);
    }
}
