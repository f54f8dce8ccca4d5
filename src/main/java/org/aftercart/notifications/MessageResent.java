package org.aftercart.notifications;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.aftercart.shared.CustomerTimelineEvent;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff asked for a new copy of a message the customer received, and the copy is queued.
 * It reaches the customer's timeline at once, with who asked, so that whoever opens the customer next
 * sees that it is on its way and does not send it a third time; {@link MessageSent} follows when the
 * copy leaves (or {@link MessageUndeliverable} when it cannot).
 *
 * @param messageId the new copy
 * @param resentFrom the message it copies
 */
public record MessageResent(
        UUID messageId,
        UUID resentFrom,
        UUID customerId,
        @Nullable UUID orderId,
        String kind,
        String resentBy,
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
        return "message.resent";
    }

    @Override
    public String timelineSummary() {
        return "Message \"" + kind.toLowerCase(Locale.ROOT).replace('_', ' ') + "\" resent at the request of "
                + resentBy + ": queued to be sent";
    }
}
