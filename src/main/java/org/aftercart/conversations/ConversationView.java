package org.aftercart.conversations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A conversation as the console and the API show it; {@code entries} oldest first, empty in lists.
 *
 * @param contact the address or number the customer used, when it was given
 * @param entryCount how many entries it has (also in lists)
 */
public record ConversationView(
        UUID id,
        UUID customerId,
        @Nullable UUID orderId,
        ConversationChannel channel,
        ConversationTopic topic,
        ConversationStatus status,
        @Nullable String assignee,
        @Nullable String contact,
        Instant openedAt,
        Instant updatedAt,
        @Nullable Instant closedAt,
        int entryCount,
        List<ConversationEntry> entries) {

    public ConversationView {
        entries = List.copyOf(entries);
    }
}
