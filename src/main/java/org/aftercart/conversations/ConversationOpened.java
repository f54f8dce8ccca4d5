package org.aftercart.conversations;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.CustomerTimelineEvent;
import org.jspecify.annotations.Nullable;

/** A customer got in touch (or was got in touch with) about something new. */
public record ConversationOpened(
        UUID conversationId,
        UUID customerId,
        @Nullable UUID orderId,
        ConversationChannel channel,
        ConversationTopic topic,
        String openedBy,
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
        return "conversation.opened";
    }

    @Override
    public String timelineSummary() {
        return "Conversation opened by " + ConversationWords.channel(channel) + " about "
                + ConversationWords.topic(topic);
    }
}
