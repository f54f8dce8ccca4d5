package org.aftercart.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline schema's entries. */
@Repository
class TimelineEntries {

    private static final String COLUMNS =
            "id, customer_id, order_id, kind, category, summary, link_type, link_id, occurred_at";

    private final JdbcClient jdbc;

    TimelineEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the entry unless its fact is already there; returns whether it wrote. */
    boolean add(NewEntry entry) {
        return jdbc.sql(
                                """
                        insert into timeline.entries
                            (id, event_key, customer_id, order_id, kind, category, summary, link_type, link_id, occurred_at)
                        values (:id, :key, :customer, :order, :kind, :category, :summary, :linkType, :linkId, :at)
                        on conflict (event_key) do nothing
                        """)
                        .param("id", UUID.randomUUID())
                        .param("key", entry.eventKey())
                        .param("customer", entry.customerId())
                        .param("order", entry.orderId())
                        .param("kind", entry.kind())
                        .param("category", TimelineCategory.ofKind(entry.kind()).name())
                        .param("summary", entry.summary())
                        .param(
                                "linkType",
                                entry.link() == null
                                        ? null
                                        : entry.link().type().name())
                        .param(
                                "linkId",
                                entry.link() == null ? null : entry.link().id())
                        .param("at", Timestamp.from(entry.occurredAt()))
                        .update()
                > 0;
    }

    /**
     * Up to {@code limit} entries of the customer older than the cursor (all when {@code null}),
     * newest first; ties on time are broken by id so that pages never skip or repeat an entry.
     */
    List<TimelineEntry> page(UUID customer, @Nullable TimelineCategory category, @Nullable Cursor before, int limit) {
        StringBuilder sql =
                new StringBuilder("select " + COLUMNS + " from timeline.entries where customer_id = :customer");
        if (category != null) {
            sql.append(" and category = :category");
        }
        if (before != null) {
            sql.append(" and (occurred_at, id) < (:at, :id)");
        }
        sql.append(" order by occurred_at desc, id desc limit :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("customer", customer).param("limit", limit);
        if (category != null) {
            statement = statement.param("category", category.name());
        }
        if (before != null) {
            statement =
                    statement.param("at", Timestamp.from(before.occurredAt())).param("id", before.id());
        }
        return new ArrayList<>(statement.query((rs, row) -> entry(rs)).list());
    }

    int deleteAll(UUID customer) {
        return jdbc.sql("delete from timeline.entries where customer_id = ?")
                .param(customer)
                .update();
    }

    private static TimelineEntry entry(ResultSet rs) throws SQLException {
        String linkType = rs.getString("link_type");
        return new TimelineEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getString("kind"),
                TimelineCategory.valueOf(rs.getString("category")),
                rs.getString("summary"),
                linkType == null
                        ? null
                        : new TimelineEntry.Link(
                                TimelineEntry.LinkType.valueOf(linkType), rs.getObject("link_id", UUID.class)),
                rs.getTimestamp("occurred_at").toInstant());
    }

    /** Where a page ends: the time and id of its last entry, written as {@code <epoch micros>_<id>}. */
    record Cursor(Instant occurredAt, UUID id) {

        static Cursor after(TimelineEntry entry) {
            return new Cursor(entry.occurredAt(), entry.id());
        }

        static @Nullable Cursor parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int separator = text.indexOf('_');
            if (separator < 1) {
                return null;
            }
            try {
                long micros = Long.parseLong(text.substring(0, separator));
                return new Cursor(
                        Instant.ofEpochSecond(
                                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L),
                        UUID.fromString(text.substring(separator + 1)));
            } catch (IllegalArgumentException unreadable) {
                return null;
            }
        }

        String text() {
            long micros = occurredAt.getEpochSecond() * 1_000_000L + occurredAt.getNano() / 1000;
            return micros + "_" + id;
        }
    }
}
