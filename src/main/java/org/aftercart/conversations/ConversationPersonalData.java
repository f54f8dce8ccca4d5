package org.aftercart.conversations;

import java.util.List;
import java.util.UUID;
import org.aftercart.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's conversations with every entry, and the notes staff left on them. Erasure replaces
 * every text and note with a marker and forgets the address or number they got in touch from;
 * channels, topics, dates and staff names stay, so the "where is my order" figures do not change.
 */
@Component
class ConversationPersonalData implements PersonalData {

    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;

    ConversationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "conversations";
    }

    @Override
    public String export(UUID customerId) {
        return jdbc.sql(
                        """
                        select jsonb_build_object(
                            'conversations', coalesce((
                                select jsonb_agg(jsonb_build_object(
                                    'id', c.id, 'orderId', c.order_id, 'channel', c.channel, 'topic', c.topic,
                                    'status', c.status, 'contact', c.contact, 'openedAt', c.opened_at,
                                    'closedAt', c.closed_at,
                                    'entries', coalesce((select jsonb_agg(jsonb_build_object(
                                            'direction', e.direction, 'text', e.body, 'author', e.author, 'at', e.at)
                                            order by e.at, e.id)
                                        from conversations.entries e where e.conversation_id = c.id), '[]'))
                                    order by c.opened_at)
                                from conversations.conversations c where c.customer_id = :customer), '[]'),
                            'notes', coalesce((
                                select jsonb_agg(jsonb_build_object(
                                    'orderId', n.order_id, 'text', n.body, 'author', n.author, 'at', n.created_at)
                                    order by n.created_at)
                                from conversations.notes n where n.customer_id = :customer), '[]'))::text
                        """)
                .param("customer", customerId)
                .query(String.class)
                .single();
    }

    @Override
    public List<String> erasureBlockers(UUID customerId) {
        return List.of();
    }

    @Override
    public void erase(UUID customerId) {
        jdbc.sql(
                        """
                        update conversations.entries e set body = :erased,
                            author = case when e.direction = 'INBOUND' then 'customer' else e.author end
                        from conversations.conversations c
                        where c.id = e.conversation_id and c.customer_id = :customer
                        """)
                .param("erased", ERASED)
                .param("customer", customerId)
                .update();
        jdbc.sql("update conversations.conversations set contact = null where customer_id = ?")
                .param(customerId)
                .update();
        jdbc.sql("update conversations.notes set body = ? where customer_id = ?")
                .params(ERASED, customerId)
                .update();
    }
}
