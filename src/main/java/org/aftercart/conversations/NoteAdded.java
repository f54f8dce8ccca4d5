package org.aftercart.conversations;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.CustomerTimelineEvent;
import org.jspecify.annotations.Nullable;

/** Staff left an internal note on a customer; its text stays in the note (the summary does not repeat it). */
public record NoteAdded(UUID noteId, UUID customerId, @Nullable UUID orderId, String author, Instant at)
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
        return "note.added";
    }

    @Override
    public String timelineSummary() {
        return "Note added by " + author;
    }
}
