package org.aftercart.returns.web;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer's returns portal ({@code aftercart.returns.portal.*}).
 *
 * @param lookupsPerAddress guest lookups one client address may make per {@link #lookupWindow}
 * @param lookupsPerOrder guest lookups of one order number per {@link #lookupWindow}, from anywhere
 * @param lookupWindow the period over which those lookups are counted
 * @param timeZone the merchant's time zone, in which the steps of a return are dated
 */
@ConfigurationProperties("aftercart.returns.portal")
record PortalSettings(
        @DefaultValue("20") int lookupsPerAddress,
        @DefaultValue("5") int lookupsPerOrder,
        @DefaultValue("15m") Duration lookupWindow,
        @DefaultValue("Europe/London") ZoneId timeZone) {

    PortalSettings {
        if (lookupsPerAddress < 1 || lookupsPerOrder < 1 || !lookupWindow.isPositive()) {
            throw new IllegalArgumentException("aftercart.returns.portal lookup limits must be positive");
        }
    }
}
