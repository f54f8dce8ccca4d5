package org.aftercart.wallet;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aftercart.customers.CustomerId;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds and their status; the money they set aside is in the ledger. */
@Repository
class Holds {

    record Hold(UUID id, UUID accountId, Money amount, WalletHold.Status status, Instant expiresAt) {}

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID accountId, Money amount, Instant expiresAt) {
        jdbc.sql(
                        """
                        insert into wallet.holds (id, account_id, amount, currency, status, expires_at)
                        values (?, ?, ?, ?, 'AUTHORISED', ?)
                        """)
                .params(id, accountId, amount.amount(), amount.currency().getCurrencyCode(), Timestamp.from(expiresAt))
                .update();
    }

    /** Locks the hold's row until the end of the transaction. */
    Optional<Hold> lock(UUID id) {
        return jdbc.sql("select * from wallet.holds where id = ? for update")
                .param(id)
                .query(Holds::hold)
                .optional();
    }

    void settle(UUID id, WalletHold.Status status, @Nullable BigDecimal captured, Instant at) {
        jdbc.sql(
                        """
                        update wallet.holds set status = ?, captured = ?, settled_at = ?
                        where id = ? and status = 'AUTHORISED'
                        """)
                .params(status.name(), captured, Timestamp.from(at), id)
                .update();
    }

    /** Open holds past their expiry, locked, skipping those another instance is releasing. */
    List<Hold> lockExpired(Instant now, int limit) {
        return jdbc.sql(
                        """
                        select * from wallet.holds where status = 'AUTHORISED' and expires_at <= ?
                        order by expires_at limit ? for update skip locked
                        """)
                .params(Timestamp.from(now), limit)
                .query(Holds::hold)
                .list();
    }

    Optional<WalletHold> view(UUID id, boolean replayed) {
        return jdbc.sql(
                        """
                        select h.*, a.customer_id, g.last4
                        from wallet.holds h join wallet.accounts a on a.id = h.account_id
                        left join wallet.gift_cards g on g.account_id = h.account_id
                        where h.id = ?
                        """)
                .param(id)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    UUID customer = rs.getObject("customer_id", UUID.class);
                    BigDecimal captured = rs.getBigDecimal("captured");
                    return new WalletHold(
                            rs.getObject("id", UUID.class),
                            customer == null ? null : new CustomerId(customer),
                            rs.getString("last4"),
                            new Money(rs.getBigDecimal("amount"), currency),
                            captured == null ? null : new Money(captured, currency),
                            WalletHold.Status.valueOf(rs.getString("status")),
                            rs.getTimestamp("expires_at").toInstant(),
                            replayed);
                })
                .optional();
    }

    private static Hold hold(ResultSet rs, int row) throws SQLException {
        return new Hold(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                WalletHold.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("expires_at").toInstant());
    }
}
