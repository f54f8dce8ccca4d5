package org.aftercart.fulfillment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param holdWindow how long after purchase an order stays on hold (customers may still change it
 *     and nothing reaches the warehouse); zero releases at once
 */
@ConfigurationProperties("aftercart.fulfillment")
record FulfillmentSettings(Duration holdWindow) {

    FulfillmentSettings {
        if (holdWindow == null) {
            holdWindow = Duration.ofMinutes(30);
        }
        if (holdWindow.isNegative()) {
            throw new IllegalArgumentException("aftercart.fulfillment.hold-window cannot be negative");
        }
    }
}
