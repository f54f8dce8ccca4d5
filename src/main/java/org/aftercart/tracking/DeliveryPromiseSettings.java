package org.aftercart.tracking;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How delivery promises are learned ({@code aftercart.tracking.promises.*}); see
 * docs/adr/0010-delivery-promises-and-delays.md.
 *
 * @param minSamples the fewest delivered parcels a segment needs before its own P50 and P90 are
 *     used; with fewer, a coarser segment answers
 * @param history how far back delivered parcels teach the model (carriers and their networks change)
 * @param timeZone where days are counted: the shipping day, its weekday, the days in transit and
 *     the date a promise passes
 */
@ConfigurationProperties("aftercart.tracking.promises")
public record DeliveryPromiseSettings(
        @DefaultValue("20") int minSamples,
        @DefaultValue("365d") Duration history,
        @DefaultValue("UTC") ZoneId timeZone) {

    public DeliveryPromiseSettings {
        if (minSamples < 1) {
            throw new IllegalArgumentException("aftercart.tracking.promises.min-samples must be at least 1");
        }
    }
}
