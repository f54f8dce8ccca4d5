package org.aftercart.wallet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Gift cards by the hash of their code. */
@Repository
class GiftCards {

    record GiftCard(UUID id, UUID accountId, String lastFour, @Nullable String recipientEmail, Instant issuedAt) {}

    private final JdbcClient jdbc;

    GiftCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID accountId, String codeHash, String lastFour, @Nullable String recipientEmail) {
        jdbc.sql(
                        """
                        insert into wallet.gift_cards (id, account_id, code_hash, last4, recipient_email)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(id, accountId, codeHash, lastFour, recipientEmail)
                .update();
    }

    Optional<GiftCard> byCodeHash(String codeHash) {
        return jdbc.sql("select * from wallet.gift_cards where code_hash = ?")
                .param(codeHash)
                .query((rs, n) -> card(rs))
                .optional();
    }

    /** Cards sent to this address (any case), newest first. */
    java.util.List<GiftCard> sentTo(String email) {
        return jdbc.sql("select * from wallet.gift_cards where lower(recipient_email) = lower(?)"
                        + " order by issued_at desc limit 50")
                .param(email.strip())
                .query((rs, n) -> card(rs))
                .list();
    }

    Optional<GiftCard> byAccount(UUID accountId) {
        return jdbc.sql("select * from wallet.gift_cards where account_id = ?")
                .param(accountId)
                .query((rs, n) -> card(rs))
                .optional();
    }

    private static GiftCard card(ResultSet rs) throws SQLException {
        return new GiftCard(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("last4"),
                rs.getString("recipient_email"),
                rs.getTimestamp("issued_at").toInstant());
    }
}
