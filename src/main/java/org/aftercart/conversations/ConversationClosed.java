package org.aftercart.conversations;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.CustomerTimelineEvent;
import org.jspecify.annotations.Nullable;

/** Staff closed a conversation. */
public record ConversationClosed(
        UUID conversationId,
        UUID customerId,
        @Nullable UUID orderId,
        ConversationTopic topic,
        String closedBy,
        Instant at)
        implements CustomerTimelineEvent {

    @Override
    public UUID timelineCustomerId() {
        return customerId;
    }

    @Override
    public @Nullable UUID timelineOrderId() {
        return orderId;
    }

    @Override
    public Instant timelineOccurredAt() {
        return at;
    }

    @Override
    public String timelineKind() {
        return "conversation.closed";
    }

    @Override
    public String timelineSummary() {
        return "Conversation about " + ConversationWords.topic(topic) + " closed by " + closedBy;
    }
}
