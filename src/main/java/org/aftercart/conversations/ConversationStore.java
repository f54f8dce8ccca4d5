package org.aftercart.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conversations and entries tables. */
@Repository
class ConversationStore {

    private static final String COLUMNS =
            """
            c.id, c.customer_id, c.order_id, c.channel, c.topic, c.status, c.assignee, c.contact, c.opened_at,
            c.updated_at, c.closed_at,
            (select count(*) from conversations.entries e where e.conversation_id = c.id) as entry_count
            """;

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            UUID customerId,
            @Nullable UUID orderId,
            RecordContact contact,
            @Nullable String contactAddress,
            Instant at) {
        jdbc.sql(
                        """
                        insert into conversations.conversations
                            (id, customer_id, order_id, channel, topic, status, assignee, contact, opened_at, updated_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        customerId,
                        orderId,
                        contact.channel().name(),
                        contact.topic().name(),
                        contact.assignee(),
                        contactAddress,
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    void insertEntry(UUID id, UUID conversationId, NewEntry entry, Instant at) {
        jdbc.sql(
                        """
                        insert into conversations.entries (id, conversation_id, direction, body, author, at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(id, conversationId, entry.direction().name(), entry.text(), entry.author(), Timestamp.from(at))
                .update();
    }

    /** Locks the conversation's row for a change of its state; empty when there is none. */
    Optional<ConversationView> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from conversations.conversations c where c.id = ? for update")
                .param(id)
                .query((rs, row) -> view(rs, List.of()))
                .optional();
    }

    void update(UUID id, ConversationStatus status, @Nullable String assignee, Instant at) {
        jdbc.sql(
                        """
                        update conversations.conversations set status = :status, assignee = :assignee,
                            updated_at = :at,
                            closed_at = case when :status = 'CLOSED' then coalesce(closed_at, :at) end
                        where id = :id
                        """)
                .param("status", status.name())
                .param("assignee", assignee)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    Optional<ConversationView> find(UUID id) {
        List<ConversationEntry> entries = jdbc.sql(
                        """
                        select id, direction, body, author, at from conversations.entries
                        where conversation_id = ? order by at, id
                        """)
                .param(id)
                .query((rs, row) -> new ConversationEntry(
                        rs.getObject("id", UUID.class),
                        EntryDirection.valueOf(rs.getString("direction")),
                        rs.getString("body"),
                        rs.getString("author"),
                        rs.getTimestamp("at").toInstant()))
                .list();
        return jdbc.sql("select " + COLUMNS + " from conversations.conversations c where c.id = ?")
                .param(id)
                .query((rs, row) -> view(rs, entries))
                .optional();
    }

    /** {@code size + 1} rows at most: one more than a page tells whether there is a next one. */
    List<ConversationView> list(ConversationFilter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        var statement = new StringBuilder("select " + COLUMNS + " from conversations.conversations c");
        if (filter.status() != null) {
            where.add("c.status = :status");
        }
        if (filter.assignee() != null) {
            where.add("c.assignee = :assignee");
        }
        if (filter.channel() != null) {
            where.add("c.channel = :channel");
        }
        if (!where.isEmpty()) {
            statement.append(" where ").append(String.join(" and ", where));
        }
        statement.append(
                """
                 order by case c.status when 'OPEN' then 0 when 'WAITING_ON_CUSTOMER' then 1 else 2 end,
                    c.updated_at desc, c.id
                 limit :limit offset :offset
                """);
        var query = jdbc.sql(statement.toString()).param("limit", size + 1).param("offset", (long) page * size);
        if (filter.status() != null) {
            query = query.param("status", filter.status().name());
        }
        if (filter.assignee() != null) {
            query = query.param("assignee", filter.assignee());
        }
        if (filter.channel() != null) {
            query = query.param("channel", filter.channel().name());
        }
        return query.query((rs, row) -> view(rs, List.of())).list();
    }

    List<ConversationView> ofCustomer(UUID customerId, int limit) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from conversations.conversations c where c.customer_id = ? order by c.opened_at desc limit ?")
                .params(customerId, limit)
                .query((rs, row) -> view(rs, List.of()))
                .list();
    }

    List<String> assignees(int limit) {
        return jdbc.sql(
                        """
                        select distinct assignee from conversations.conversations
                        where assignee is not null and status <> 'CLOSED' order by assignee limit ?
                        """)
                .param(limit)
                .query(String.class)
                .list();
    }

    long whereIsMyOrderContacts(UUID orderId) {
        return jdbc.sql(
                        """
                        select count(*) from conversations.conversations c
                        join conversations.entries e on e.conversation_id = c.id
                        where c.order_id = ? and c.topic = 'WHERE_IS_MY_ORDER' and e.direction = 'INBOUND'
                        """)
                .param(orderId)
                .query(Long.class)
                .single();
    }

    long whereIsMyOrderContacts(Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select count(*) from conversations.entries e
                        join conversations.conversations c on c.id = e.conversation_id
                        where e.direction = 'INBOUND' and e.at >= ? and e.at < ? and c.topic = 'WHERE_IS_MY_ORDER'
                        """)
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(Long.class)
                .single();
    }

    private static ConversationView view(ResultSet rs, List<ConversationEntry> entries) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new ConversationView(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getObject("order_id", UUID.class),
                ConversationChannel.valueOf(rs.getString("channel")),
                ConversationTopic.valueOf(rs.getString("topic")),
                ConversationStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"),
                rs.getString("contact"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                closed == null ? null : closed.toInstant(),
                rs.getInt("entry_count"),
                entries);
    }
}
