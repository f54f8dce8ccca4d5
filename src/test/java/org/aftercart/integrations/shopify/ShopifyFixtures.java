package org.aftercart.integrations.shopify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's own REST fixtures from the shared data folder (system property {@code
 * aftercart.shared-data}, set by the build), as webhook bodies: the resource under its top-level key.
 */
final class ShopifyFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ShopifyFixtures() {}

    /** The object under "order" in order.json: Shopify's documentation order 450789469. */
    static ObjectNode order() {
        return resource("order.json", "order");
    }

    /** The object under "fulfillment" in fulfillment.json, a fulfillment of order 450789469. */
    static ObjectNode fulfillment() {
        return resource("fulfillment.json", "fulfillment");
    }

    static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    static ObjectNode resource(String file, String key) {
        Path path = folder().resolve(file);
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(path));
            return (ObjectNode) root.get(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Shopify fixture " + path, e);
        }
    }

    private static Path folder() {
        String shared = System.getProperty("aftercart.shared-data", "../shared/data");
        return Path.of(shared, "payloads", "shopify");
    }
}
