package org.aftercart.wallet;

import java.time.Instant;
import java.util.Objects;
import org.aftercart.shared.Money;

/**
 * How much store credit one member of staff may grant in a day, in one currency: what they granted
 * since {@code dayStart} (the start of the shop's day) plus the new grant may not exceed {@code
 * perDay}. The wallet counts from its own ledger, so the count is what was really granted.
 *
 * @param grantedBy the staff member's sign-in name, recorded on the grant
 */
public record StaffGrantLimit(String grantedBy, Money perDay, Instant dayStart) {

    public StaffGrantLimit {
        Objects.requireNonNull(grantedBy, "grantedBy");
        Objects.requireNonNull(perDay, "perDay");
        Objects.requireNonNull(dayStart, "dayStart");
        if (grantedBy.isBlank()) {
            throw new IllegalArgumentException("A staff grant needs the name of who grants it");
        }
    }
}
