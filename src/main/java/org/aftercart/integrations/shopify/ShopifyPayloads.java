package org.aftercart.integrations.shopify;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of Shopify's REST resources that Aftercart reads, and the check that a body is one of
 * them. Every other field is ignored and every field may be absent (payloads differ between API
 * versions). Ids are read as 64-bit integers and money as exact decimals, never as doubles.
 */
final class ShopifyPayloads {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ShopifyPayloads() {}

    /** A body that is not JSON of the shape its topic promises. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    sealed interface Payload permits Order, OrderEdit, Fulfillment {}

    /** The order resource, sent as is (not wrapped) by every orders/* topic except orders/edited. */
    record Order(
            @Nullable Long id,
            @Nullable String name,
            @Nullable String email,
            @Nullable String contactEmail,
            @Nullable String phone,
            @Nullable String currency,
            @Nullable String financialStatus,
            @Nullable String sourceName,
            @Nullable Boolean taxesIncluded,
            @Nullable BigDecimal totalPrice,
            @Nullable BigDecimal totalTax,
            @Nullable BigDecimal totalDiscounts,
            @Nullable OffsetDateTime createdAt,
            @Nullable OffsetDateTime processedAt,
            @Nullable OffsetDateTime updatedAt,
            @Nullable OffsetDateTime cancelledAt,
            @Nullable String cancelReason,
            @Nullable String customerLocale,
            @Nullable List<LineItem> lineItems,
            @Nullable List<ShippingLine> shippingLines,
            @Nullable Address shippingAddress,
            @Nullable Address billingAddress,
            @Nullable Customer customer)
            implements Payload {

        long orderId() {
            if (id == null) {
                throw new IllegalStateException("validated orders have an id");
            }
            return id;
        }

        List<LineItem> lines() {
            return lineItems == null ? List.of() : lineItems;
        }

        List<ShippingLine> shipping() {
            return shippingLines == null ? List.of() : shippingLines;
        }
    }

    /**
     * @param currentQuantity the quantity after order edits and removals (newer API versions); {@code
     *     quantity} stays what was first ordered
     */
    record LineItem(
            @Nullable Long id,
            @Nullable Long variantId,
            @Nullable Long productId,
            @Nullable String sku,
            @Nullable String title,
            @Nullable String variantTitle,
            @Nullable String name,
            @Nullable Integer quantity,
            @Nullable Integer currentQuantity,
            @Nullable BigDecimal price) {

        long lineItemId() {
            if (id == null) {
                throw new IllegalStateException("validated line items have an id");
            }
            return id;
        }

        /** The units the customer still wants. */
        int wanted() {
            if (currentQuantity != null) {
                return currentQuantity;
            }
            return quantity == null ? 0 : quantity;
        }
    }

    record ShippingLine(@Nullable String title, @Nullable BigDecimal price) {}

    record Address(
            @Nullable String name,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String company,
            @Nullable String address1,
            @Nullable String address2,
            @Nullable String city,
            @Nullable String zip,
            @Nullable String province,
            @Nullable String provinceCode,
            @Nullable String country,
            @Nullable String countryCode,
            @Nullable String phone) {}

    record Customer(
            @Nullable Long id,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String phone) {}

    /** The body of orders/edited: what an order edit changed, by line item id and delta. */
    record OrderEdit(
            @Nullable Long id,
            @Nullable Long orderId,
            @Nullable OffsetDateTime createdAt,
            @Nullable OffsetDateTime committedAt,
            @Nullable String staffNote,
            @Nullable EditedLines lineItems)
            implements Payload {}

    record EditedLines(@Nullable List<Delta> additions, @Nullable List<Delta> removals) {}

    record Delta(@Nullable Long id, @Nullable Integer delta) {}

    /** The fulfillment resource, sent as is by fulfillments/create and fulfillments/update. */
    record Fulfillment(
            @Nullable Long id,
            @Nullable Long orderId,
            @Nullable String status,
            @Nullable String shipmentStatus,
            @Nullable String trackingCompany,
            @Nullable String trackingNumber,
            @Nullable List<String> trackingNumbers,
            @Nullable String trackingUrl,
            @Nullable List<String> trackingUrls,
            @Nullable List<LineItem> lineItems,
            @Nullable OffsetDateTime updatedAt)
            implements Payload {

        List<LineItem> lines() {
            return lineItems == null ? List.of() : lineItems;
        }

        List<String> numbers() {
            if (trackingNumbers != null && !trackingNumbers.isEmpty()) {
                return trackingNumbers.stream()
                        .filter(n -> n != null && !n.isBlank())
                        .toList();
            }
            return trackingNumber == null || trackingNumber.isBlank() ? List.of() : List.of(trackingNumber);
        }

        List<String> urls() {
            if (trackingUrls != null && !trackingUrls.isEmpty()) {
                return trackingUrls.stream()
                        .filter(u -> u != null && !u.isBlank())
                        .toList();
            }
            return trackingUrl == null || trackingUrl.isBlank() ? List.of() : List.of(trackingUrl);
        }
    }

    /**
     * Reads a body as its topic's resource and checks what every later step relies on: ids present
     * and integral, line items with id, quantity and price. Business rules are not checked here.
     *
     * @throws Malformed when the body is not such JSON
     */
    static Payload parse(ShopifyTopic topic, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("The body is not valid JSON: " + summary(e));
        } catch (NumberFormatException e) {
            // Jackson lets this one through unwrapped: a number like 1e99999999941, whose exponent no
            // BigDecimal can hold (found by fuzzing).
            throw new Malformed("The body holds a number out of range: " + abbreviate(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("The body must be a JSON object");
        }
        return switch (topic) {
            case ORDERS_EDITED -> root.has("order_edit") ? orderEdit(root.get("order_edit")) : order(topic, root);
            case FULFILLMENTS_CREATE, FULFILLMENTS_UPDATE -> fulfillment(root);
            default -> order(topic, root);
        };
    }

    private static Order order(ShopifyTopic topic, JsonNode node) {
        Order order = read(node, Order.class, "order");
        if (order.id() == null) {
            throw new Malformed(unwrappedHint(node, "order", "The order has no id"));
        }
        if (topic == ShopifyTopic.ORDERS_CREATE) {
            if (order.lineItems() == null || order.lineItems().isEmpty()) {
                throw new Malformed("The order has no line_items");
            }
            if (order.currency() == null || order.currency().isBlank()) {
                throw new Malformed("The order has no currency");
            }
        }
        for (LineItem item : order.lines()) {
            if (item == null || item.id() == null || item.quantity() == null || item.price() == null) {
                throw new Malformed("Every line item needs an id, a quantity and a price");
            }
        }
        for (ShippingLine line : order.shipping()) {
            if (line == null) {
                throw new Malformed("shipping_lines holds a null");
            }
        }
        return order;
    }

    private static OrderEdit orderEdit(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new Malformed("order_edit must be an object");
        }
        OrderEdit edit = read(node, OrderEdit.class, "order edit");
        if (edit.orderId() == null) {
            throw new Malformed("The order edit has no order_id");
        }
        return edit;
    }

    private static Fulfillment fulfillment(JsonNode node) {
        Fulfillment fulfillment = read(node, Fulfillment.class, "fulfillment");
        if (fulfillment.id() == null || fulfillment.orderId() == null) {
            throw new Malformed(unwrappedHint(node, "fulfillment", "The fulfillment needs an id and an order_id"));
        }
        for (LineItem item : fulfillment.lines()) {
            if (item == null || item.id() == null || item.quantity() == null) {
                throw new Malformed("Every fulfilled line item needs an id and a quantity");
            }
        }
        return fulfillment;
    }

    private static <T> T read(JsonNode node, Class<T> type, String what) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new Malformed("The " + what + " does not have the expected fields: " + summary(e));
        }
    }

    private static String unwrappedHint(JsonNode root, String key, String message) {
        return root.size() == 1 && root.has(key)
                ? message + "; send the " + key + " itself, not wrapped in {\"" + key + "\": …}"
                : message;
    }

    private static String abbreviate(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.length() > 240 ? message.substring(0, 240) + "…" : message;
    }

    private static String summary(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int end = message.indexOf('\n');
        message = end > 0 ? message.substring(0, end) : message;
        String path = e.getPath().isEmpty() ? "" : " (at " + path(e) + ")";
        message = message + path;
        return message.length() > 240 ? message.substring(0, 240) + "…" : message;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
