package org.aftercart.integrations.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShopifyPayloadsTests {

    @Test
    void readsIdsBeyondDoublePrecisionExactly() {
        String body = "{\"id\": 820982911946154508, \"currency\": \"USD\", \"total_price\": 409.94, \"line_items\": "
                + "[{\"id\": 866550311766439020, \"quantity\": 1, \"price\": \"199.00\", \"variant_id\": 808950810}]}";

        var order = (ShopifyPayloads.Order) ShopifyPayloads.parse(ShopifyTopic.ORDERS_CREATE, utf8(body));

        assertThat(order.orderId()).isEqualTo(820982911946154508L);
        assertThat(order.lines().getFirst().lineItemId()).isEqualTo(866550311766439020L);
        assertThat(order.totalPrice()).isEqualTo(new BigDecimal("409.94"));
        assertThat(order.lines().getFirst().price()).isEqualTo(new BigDecimal("199.00"));
    }

    @Test
    void readsTheFixtures() {
        var order = (ShopifyPayloads.Order)
                ShopifyPayloads.parse(ShopifyTopic.ORDERS_CREATE, ShopifyFixtures.bytes(ShopifyFixtures.order()));
        var fulfillment = (ShopifyPayloads.Fulfillment) ShopifyPayloads.parse(
                ShopifyTopic.FULFILLMENTS_CREATE, ShopifyFixtures.bytes(ShopifyFixtures.fulfillment()));

        assertThat(order.orderId()).isEqualTo(450789469L);
        assertThat(order.lines()).hasSize(3);
        assertThat(order.shippingAddress().provinceCode()).isEqualTo("KY");
        assertThat(order.customer().firstName()).isEqualTo("Bob");
        assertThat(fulfillment.orderId()).isEqualTo(450789469L);
        assertThat(fulfillment.trackingCompany()).isEqualTo("null-company");
        assertThat(fulfillment.numbers()).containsExactly("1Z2345");
        assertThat(fulfillment.lines()).singleElement().satisfies(item -> {
            assertThat(item.lineItemId()).isEqualTo(466157049L);
            assertThat(item.quantity()).isEqualTo(1);
        });
    }

    @Test
    void readsAnOrderEdit() {
        String body = "{\"order_edit\": {\"id\": 78912328, \"order_id\": 450789469, \"line_items\": {"
                + "\"additions\": [{\"id\": 466157049, \"delta\": 1}], \"removals\": [{\"id\": 518995019, \"delta\": 1}]}}}";

        var edit = (ShopifyPayloads.OrderEdit) ShopifyPayloads.parse(ShopifyTopic.ORDERS_EDITED, utf8(body));

        assertThat(edit.orderId()).isEqualTo(450789469L);
        assertThat(edit.lineItems().additions()).singleElement().isEqualTo(new ShopifyPayloads.Delta(466157049L, 1));
        assertThat(edit.lineItems().removals()).singleElement().isEqualTo(new ShopifyPayloads.Delta(518995019L, 1));
    }

    @Test
    void refusesBodiesOfTheWrongShape() {
        assertMalformed(ShopifyTopic.ORDERS_CREATE, "{\"id\": 1, ", "not valid JSON");
        assertMalformed(ShopifyTopic.ORDERS_CREATE, "[1, 2]", "JSON object");
        assertMalformed(ShopifyTopic.ORDERS_CREATE, "{} {}", "not valid JSON");
        assertMalformed(ShopifyTopic.ORDERS_PAID, "{\"id\": 4.5e8}", "expected fields");
        assertMalformed(ShopifyTopic.ORDERS_PAID, "{\"id\": \"abc\"}", "expected fields");
        assertMalformed(ShopifyTopic.ORDERS_PAID, "{\"order\": {\"id\": 1}}", "not wrapped");
        assertMalformed(ShopifyTopic.ORDERS_CREATE, "{\"id\": 1, \"currency\": \"USD\"}", "no line_items");
        assertMalformed(
                ShopifyTopic.ORDERS_CREATE,
                "{\"id\": 1, \"currency\": \"USD\", \"line_items\": [{\"id\": 2, \"quantity\": 1}]}",
                "a price");
        assertMalformed(
                ShopifyTopic.ORDERS_UPDATED,
                "{\"id\": 1, \"line_items\": [{\"id\": 2, \"quantity\": 1, \"price\": \"ten\"}]}",
                "line_items[0].price");
        assertMalformed(ShopifyTopic.FULFILLMENTS_CREATE, "{\"id\": 1}", "order_id");
        assertMalformed(ShopifyTopic.ORDERS_EDITED, "{\"order_edit\": {\"id\": 1}}", "order_id");
    }

    private static void assertMalformed(ShopifyTopic topic, String body, String message) {
        assertThatThrownBy(() -> ShopifyPayloads.parse(topic, utf8(body)))
                .as(body)
                .isInstanceOf(ShopifyPayloads.Malformed.class)
                .hasMessageContaining(message);
    }

    private static byte[] utf8(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
