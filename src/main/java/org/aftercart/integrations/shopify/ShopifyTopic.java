package org.aftercart.integrations.shopify;

import java.util.Arrays;
import java.util.Optional;

/** The webhook topics Aftercart takes, by their {@code X-Shopify-Topic} name. */
enum ShopifyTopic {
    ORDERS_CREATE("orders/create"),
    ORDERS_UPDATED("orders/updated"),
    ORDERS_PAID("orders/paid"),
    ORDERS_CANCELLED("orders/cancelled"),
    ORDERS_EDITED("orders/edited"),
    FULFILLMENTS_CREATE("fulfillments/create"),
    FULFILLMENTS_UPDATE("fulfillments/update");

    private final String header;

    ShopifyTopic(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    boolean fulfillment() {
        return this == FULFILLMENTS_CREATE || this == FULFILLMENTS_UPDATE;
    }

    static Optional<ShopifyTopic> of(String header) {
        return Arrays.stream(values())
                .filter(topic -> topic.header.equalsIgnoreCase(header.trim()))
                .findFirst();
    }
}
