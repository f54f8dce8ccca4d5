package org.aftercart.wallet;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A gift card just issued.
 *
 * @param code the full code, present only in the answer to the call that issued the card: only a
 *     hash is stored, so a replay of the same idempotency key answers without it
 * @param lastFour the code's last four characters, to tell cards apart on screens and receipts
 * @param expiresAt when its balance expires, or null when gift cards do not expire
 * @param replayed true when the idempotency key had been used before and nothing was written now
 */
public record IssuedGiftCard(
        UUID id,
        @Nullable String code,
        String lastFour,
        Money amount,
        @Nullable String recipientEmail,
        @Nullable Instant expiresAt,
        UUID transactionId,
        boolean replayed) {

    @Override
    public String toString() {
        return "IssuedGiftCard[id=" + id + ", lastFour=" + lastFour + ", amount=" + amount + ", replayed=" + replayed
                + "]";
    }
}
