/**
 * The business events that the retailer's other systems care about, published to Kafka as
 * CloudEvents 1.0 after commit, from the event publication registry (at least once, in order per
 * order). Off unless {@code aftercart.events.kafka.enabled=true}. The types and their data are a
 * versioned contract: {@code docs/events.md}; the decision: {@code
 * docs/adr/0031-business-events-on-kafka.md}.
 */
@NullMarked
package org.aftercart.integrations.events;

import org.jspecify.annotations.NullMarked;
