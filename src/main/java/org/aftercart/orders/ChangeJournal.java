package org.aftercart.orders;

import java.sql.Timestamp;
import java.util.List;
import org.aftercart.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only change journal of orders. */
@Repository
class ChangeJournal {

    private final JdbcClient jdbc;

    ChangeJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(OrderId orderId, JournalEntry entry) {
        jdbc.sql(
                        """
                        insert into orders.order_changes
                            (order_id, version, kind, actor, changed_at, description, price_difference, currency)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        orderId.id(),
                        entry.version(),
                        entry.kind().name(),
                        entry.actor(),
                        Timestamp.from(entry.at()),
                        entry.description(),
                        entry.priceDifference().amount(),
                        entry.priceDifference().currency().getCurrencyCode())
                .update();
    }

    List<JournalEntry> of(OrderId orderId) {
        return jdbc.sql(
                        """
                        select version, kind, actor, changed_at, description, price_difference, currency
                        from orders.order_changes where order_id = ? order by version, changed_at
                        """)
                .param(orderId.id())
                .query((rs, row) -> new JournalEntry(
                        rs.getLong("version"),
                        ChangeKind.valueOf(rs.getString("kind")),
                        rs.getString("actor"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("description"),
                        Money.of(rs.getBigDecimal("price_difference"), rs.getString("currency"))))
                .list();
    }
}
