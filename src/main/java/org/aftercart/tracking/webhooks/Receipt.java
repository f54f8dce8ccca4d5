package org.aftercart.tracking.webhooks;

import java.util.List;
import org.aftercart.tracking.TrackingIntake;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a sender: whether its payload was taken or knowingly ignored, and what it did.
 *
 * @param unknownTrackingNumbers numbers no parcel has yet; their checkpoints are kept and apply once
 *     such a parcel ships
 */
record Receipt(
        String status,
        @Nullable String reason,
        int eventsStored,
        int duplicates,
        List<String> unknownTrackingNumbers,
        int statusChanges) {

    static Receipt of(TrackingIntake.Outcome outcome) {
        return new Receipt(
                "accepted",
                null,
                outcome.eventsStored(),
                outcome.duplicates(),
                outcome.unknownTrackingNumbers(),
                outcome.statusChanges());
    }

    static Receipt ignored(String reason) {
        return new Receipt("ignored", reason, 0, 0, List.of(), 0);
    }
}
