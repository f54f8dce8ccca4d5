package org.aftercart.shared;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event that belongs on a customer's timeline in the console. A module's event implements it to
 * appear there without the timeline knowing the module; the timeline finds the customer through
 * the order when the event names only the order.
 */
public interface CustomerTimelineEvent {

    /** The customer the event is about; {@code null} when only the order is known. */
    @Nullable
    UUID timelineCustomerId();

    /** The order the event is about, if any. */
    @Nullable
    UUID timelineOrderId();

    Instant timelineOccurredAt();

    /**
     * What happened, as a stable key (e.g. {@code conversation.opened}, {@code note.added}) for
     * filtering and for the console's messages bundle.
     */
    String timelineKind();

    /** One line for staff, in English, with no secret in it (no codes, no tokens). */
    String timelineSummary();
}
