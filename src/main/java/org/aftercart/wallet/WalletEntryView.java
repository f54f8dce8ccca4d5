package org.aftercart.wallet;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.Money;

/**
 * One line of a customer's store credit history.
 *
 * @param type what moved the money: CREDIT, BONUS, HOLD, RELEASE, REDEMPTION or EXPIRY
 * @param amount positive when it added to the balance, negative when it took from it
 * @param balanceAfter the available balance in that currency right after this line
 */
public record WalletEntryView(
        long sequence,
        UUID transactionId,
        Instant postedAt,
        String type,
        String reason,
        Money amount,
        Money balanceAfter) {}
