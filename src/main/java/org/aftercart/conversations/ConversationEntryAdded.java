package org.aftercart.conversations;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.CustomerTimelineEvent;
import org.jspecify.annotations.Nullable;

/**
 * Something was said in a conversation, the first entry included. The text stays in the
 * conversation (the summary does not repeat it), so erasing the customer's texts erases it.
 */
public record ConversationEntryAdded(
        UUID conversationId,
        UUID entryId,
        UUID customerId,
        @Nullable UUID orderId,
        ConversationChannel channel,
        ConversationTopic topic,
        EntryDirection direction,
        String author,
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
        return direction == EntryDirection.INBOUND ? "conversation.inbound" : "conversation.outbound";
    }

    @Override
    public String timelineSummary() {
        return (direction == EntryDirection.INBOUND
                        ? "Customer wrote by " + ConversationWords.channel(channel)
                        : "Answered by " + author + " by " + ConversationWords.channel(channel))
                + " about " + ConversationWords.topic(topic);
    }
}
