package org.aftercart.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tracking module ({@code aftercart.tracking.*}).
 *
 * @param defaultPromiseDays the delivery range promised when neither the merchant's own history nor
 *     the carrier says better, in days after shipping: earliest and latest
 * @param silentAfter a parcel the carrier has not scanned for this long is delayed
 */
@ConfigurationProperties("aftercart.tracking")
public record TrackingSettings(
        @DefaultValue({"2", "5"}) int[] defaultPromiseDays, @DefaultValue("72h") Duration silentAfter) {

    public TrackingSettings {
        if (defaultPromiseDays.length != 2 || defaultPromiseDays[0] > defaultPromiseDays[1]) {
            throw new IllegalArgumentException(
                    "aftercart.tracking.default-promise-days needs two numbers, earliest then latest");
        }
    }
}
