package org.aftercart.wallet;

import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A gift card was issued. The full code travels only when there is a recipient to send it to:
 * events are stored in the event publication table until their listeners finish, and a code kept
 * there in plain text would undo storing only its hash. {@link #toString()} never shows it.
 *
 * @param code the full code when {@code recipientEmail} is set (for the message to the recipient), else null
 */
public record GiftCardIssued(
        UUID giftCardId,
        Money amount,
        String lastFour,
        @Nullable String recipientEmail,
        @Nullable String code,
        String reason,
        UUID transactionId) {

    @Override
    public String toString() {
        return "GiftCardIssued[giftCardId=" + giftCardId + ", amount=" + amount + ", lastFour=" + lastFour
                + ", recipientEmail=" + recipientEmail + ", reason=" + reason + ", transactionId=" + transactionId
                + "]";
    }
}
