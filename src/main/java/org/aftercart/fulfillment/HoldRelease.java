package org.aftercart.fulfillment;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases fulfilment orders to the warehouse when their hold window ends. One conditional UPDATE
 * does it, so it is idempotent and safe when several instances run it.
 */
@Component
class HoldRelease {

    private static final Logger log = LoggerFactory.getLogger(HoldRelease.class);

    private final FulfillmentOrderRepository fulfillmentOrders;
    private final Clock clock;

    HoldRelease(FulfillmentOrderRepository fulfillmentOrders, Clock clock) {
        this.fulfillmentOrders = fulfillmentOrders;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aftercart.fulfillment.release-every:PT15S}")
    void releaseDue() {
        int released = fulfillmentOrders.releaseDue(clock.instant());
        if (released > 0) {
            log.info("Released {} fulfilment order(s) whose hold window ended", released);
        }
    }
}
