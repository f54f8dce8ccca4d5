package org.aftercart.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The fixed topics help articles are organised by; pages show them in this order. */
public enum HelpTopic {
    SHIPPING,
    RETURNS,
    REFUNDS,
    EXCHANGES,
    ORDERS,
    CARE,
    ACCOUNT;

    /** As stored and shown in addresses: {@code shipping}, {@code returns}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HelpTopic> of(String key) {
        return Arrays.stream(values()).filter(topic -> topic.key().equals(key)).findFirst();
    }
}
