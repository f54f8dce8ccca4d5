package org.aftercart.customers;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.CustomerTimelineEvent;
import org.jspecify.annotations.Nullable;

/**
 * How a customer wants to be reached was replaced, by the customer or by staff for them.
 *
 * @param changedBy who made the change, as the journal names actors ({@code customer},
 *     {@code staff:<e-mail>})
 */
public record ContactPreferencesChanged(UUID customerId, String changedBy, boolean marketingConsent, Instant at)
        implements CustomerTimelineEvent {

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
        return "preferences.changed";
    }

    @Override
    public String timelineSummary() {
        return "Contact preferences changed by " + changedBy + (marketingConsent ? "" : "; no marketing consent");
    }
}
