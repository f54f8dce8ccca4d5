package org.aftercart.conversations;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Remembers which conversation or entry an Idempotency-Key created, and for which request. */
@Repository
class ConversationKeys {

    record Use(String requestHash, UUID conversationId, @Nullable UUID entryId) {}

    private final JdbcClient jdbc;

    ConversationKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Use> find(String key) {
        return jdbc.sql(
                        "select request_hash, conversation_id, entry_id from conversations.idempotency_keys where key = ?")
                .param(key)
                .query((rs, row) -> new Use(
                        rs.getString("request_hash"),
                        rs.getObject("conversation_id", UUID.class),
                        rs.getObject("entry_id", UUID.class)))
                .optional();
    }

    /** Fails with a duplicate-key error when another request took the key first. */
    void remember(String key, String requestHash, UUID conversationId, @Nullable UUID entryId) {
        jdbc.sql(
                        """
                        insert into conversations.idempotency_keys (key, request_hash, conversation_id, entry_id)
                        values (?, ?, ?, ?)
                        """)
                .params(key, requestHash, conversationId, entryId)
                .update();
    }
}
