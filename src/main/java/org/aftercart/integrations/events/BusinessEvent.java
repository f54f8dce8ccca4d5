package org.aftercart.integrations.events;

import java.time.Instant;

/**
 * One business event as the outside sees it, before it becomes a CloudEvent.
 *
 * @param module the Aftercart module it comes from: the CloudEvent {@code source} is {@code
 *     /aftercart/<module>}
 * @param name the event within the module, e.g. {@code order-placed}
 * @param version the version of {@code data}'s schema
 * @param subject what it is about, as people name it (order number, return number, or an id)
 * @param key the Kafka record key: the order id for everything that belongs to an order, so one
 *     order's whole journey lands on one partition in the order it happened
 * @param time when it happened
 * @param data a record of {@link EventsV1}
 */
record BusinessEvent(String module, String name, int version, String subject, String key, Instant time, Object data) {

    static final String TYPE_PREFIX = "org.aftercart.";

    /** {@code org.aftercart.<module>.<name>.v<version>}. */
    String type() {
        return TYPE_PREFIX + module + "." + name + ".v" + version;
    }

    String source() {
        return "/aftercart/" + module;
    }
}
