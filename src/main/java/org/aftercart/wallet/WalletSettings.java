package org.aftercart.wallet;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wallet's rules ({@code aftercart.wallet.*}).
 *
 * @param holdExpiry how long a checkout hold stays open before the expiry job gives its amount back
 * @param storeCredit when granted store credit expires
 * @param giftCard when a gift card's balance expires
 */
@ConfigurationProperties("aftercart.wallet")
record WalletSettings(
        @DefaultValue("PT30M") Duration holdExpiry, @DefaultValue Expiry storeCredit, @DefaultValue Expiry giftCard) {

    WalletSettings {
        if (!holdExpiry.isPositive()) {
            throw new IllegalArgumentException("aftercart.wallet.hold-expiry must be positive");
        }
    }

    /**
     * @param expiresAfter how long after it was granted or issued an amount expires; empty: never
     */
    record Expiry(@Nullable Duration expiresAfter) {

        Expiry {
            if (expiresAfter != null && !expiresAfter.isPositive()) {
                throw new IllegalArgumentException("aftercart.wallet expires-after must be positive or empty");
            }
        }
    }
}
