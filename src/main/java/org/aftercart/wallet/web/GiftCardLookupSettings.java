package org.aftercart.wallet.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on trying gift card codes ({@code aftercart.wallet.gift-card-lookups.*}).
 *
 * @param failuresPerKey wrong codes one API key may try per window
 * @param failuresPerAddress wrong codes one client address may try per window, whatever the key
 *     (higher: several tills may share one address)
 * @param window the period over which wrong codes are counted (the allowance refills over it)
 */
@ConfigurationProperties("aftercart.wallet.gift-card-lookups")
record GiftCardLookupSettings(
        @DefaultValue("10") int failuresPerKey,
        @DefaultValue("50") int failuresPerAddress,
        @DefaultValue("PT1M") Duration window) {

    GiftCardLookupSettings {
        if (failuresPerKey < 1 || failuresPerAddress < 1 || !window.isPositive()) {
            throw new IllegalArgumentException("aftercart.wallet.gift-card-lookups limits must be positive");
        }
    }
}
