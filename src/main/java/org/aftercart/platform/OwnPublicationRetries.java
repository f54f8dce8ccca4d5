package org.aftercart.platform;

import org.springframework.modulith.events.EventPublication;

/**
 * Implemented by a listener that resubmits its own failed event publications by rules of its own
 * (the Shopify processor counts attempts per delivery; the Kafka externaliser retries for as long as
 * the broker is away): {@link FailedPublicationRetries} leaves those publications to it.
 */
public interface OwnPublicationRetries {

    /** Whether this publication is retried by its own listener. */
    boolean retriesItself(EventPublication publication);
}
