package org.aftercart.wallet;

import java.time.Instant;
import java.util.UUID;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;

/** What a gift card holds, for a balance check (never the code). */
public record GiftCardBalance(
        UUID id, String lastFour, Money available, Money held, Instant issuedAt, @Nullable Instant expiresAt) {}
