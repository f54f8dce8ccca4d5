package org.aftercart.fulfillment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param holdWindow how long after purchase an order stays on hold (customers may still change it
 *     and nothing reaches the warehouse); zero releases at once
 * @param shipWithin how long after purchase an order should have left (its ship-by time); one day by
 *     default, the shipping day the tracking module promises new orders from (ADR 10, ADR 25)
 */
@ConfigurationProperties("aftercart.fulfillment")
record FulfillmentSettings(Duration holdWindow, Duration shipWithin) {

    FulfillmentSettings {
        if (holdWindow == null) {
            holdWindow = Duration.ofMinutes(30);
        }
        if (shipWithin == null) {
            shipWithin = Duration.ofDays(1);
        }
        if (shipWithin.isNegative()) {
            throw new IllegalArgumentException("aftercart.fulfillment.ship-within cannot be negative");
        }
        if (holdWindow.isNegative()) {
            throw new IllegalArgumentException("aftercart.fulfillment.hold-window cannot be negative");
        }
    }
}
