package org.aftercart.admin;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.CustomerTimelineEvent;
import org.jspecify.annotations.Nullable;

/** A contact with the customer, as the conversations module will report one: for timeline tests. */
record TimelineNote(UUID customerId, Instant at, String text) implements CustomerTimelineEvent {

    @Override
    public UUID timelineCustomerId() {
        return customerId;
    }

    @Override
    public @Nullable UUID timelineOrderId() {
        return null;
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
        return text;
    }
}
