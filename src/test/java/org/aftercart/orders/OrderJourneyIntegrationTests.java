package org.aftercart.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.payments.PaymentTransaction;
import org.aftercart.payments.Payments;
import org.aftercart.platform.ApiKeys;
import org.aftercart.support.ApiClient;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The whole journey through the real HTTP API: order → change → pack → ship. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "aftercart.fulfillment.hold-window=PT0S")
class OrderJourneyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Payments payments;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestCatalog products;

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "journey tests", "ak_journey");
        products = new TestCatalog(catalog, inventory);
    }

    @Test
    void orderIsChangedThenPackedThenShippedAndEveryStepIsJournaled() {
        String shirtM = products.variant("SHIRT", "M", "25.00", 10);
        String shirtL = products.variant("SHIRT", "L", "27.50", 10);
        String socks = products.variant("SOCKS", "ONE", "6.00", 10);

        var created = api.post(
                "/api/v1/orders",
                """
                {"channel":"WEB","currency":"EUR","paymentStatus":"PAID","shipping":"4.90",
                 "customer":{"email":"Journey@Example.org","name":"Jo Urney"},
                 "shipTo":{"name":"Jo Urney","line1":"1 Rue de la Paix","city":"Paris","postcode":"75002","country":"FR"},
                 "lines":[{"sku":"%s","quantity":2},{"sku":"%s","quantity":1}]}
                """
                        .formatted(shirtM, socks),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(created.status()).isEqualTo(201);
        JsonNode order = created.json();
        String id = order.get("id").asString();
        assertThat(order.get("total").get("amount").asString()).isEqualTo("60.90");
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        String shirtLine = order.get("lines").get(0).get("id").asString();
        String socksLine = order.get("lines").get(1).get("id").asString();
        assertThat(inventory.stockOf(shirtM).getFirst().reserved()).isEqualTo(2);

        // The customer swaps to size L and drops the socks: 2 × 27.50 + 4.90 = 59.90, 1.00 less.
        var swapped = api.post(
                "/api/v1/orders/" + id + "/changes",
                """
                {"type":"CHANGE_VARIANT","lineId":"%s","sku":"%s","requestedBy":"customer"}"""
                        .formatted(shirtLine, shirtL));
        assertThat(swapped.status()).isEqualTo(200);
        var removed = api.post(
                "/api/v1/orders/" + id + "/changes",
                """
                {"type":"REMOVE_ITEM","lineId":"%s"}""".formatted(socksLine));
        assertThat(removed.status()).isEqualTo(200);
        JsonNode changed = removed.json();
        assertThat(changed.get("total").get("amount").asString()).isEqualTo("59.90");
        assertThat(inventory.stockOf(shirtM).getFirst().reserved()).isZero();
        assertThat(inventory.stockOf(shirtL).getFirst().reserved()).isEqualTo(2);
        assertThat(inventory.stockOf(socks).getFirst().reserved()).isZero();

        // The payment difference is settled after commit: +55.00 - 50.00 charged, then 6.00 refunded.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        payments.transactionsOf(java.util.UUID.fromString(id)))
                .extracting(
                        PaymentTransaction::kind, t -> t.amount().amount().toPlainString(), PaymentTransaction::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                PaymentTransaction.Kind.CAPTURE, "60.90", PaymentTransaction.Status.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple(
                                PaymentTransaction.Kind.CHARGE, "5.00", PaymentTransaction.Status.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple(
                                PaymentTransaction.Kind.REFUND, "6.00", PaymentTransaction.Status.SUCCEEDED)));

        // The warehouse packs: changes close.
        JsonNode fulfillmentOrders =
                api.get("/api/v1/fulfillment-orders?orderId=" + id).json();
        assertThat(fulfillmentOrders).hasSize(1);
        assertThat(fulfillmentOrders.get(0).get("status").asString()).isEqualTo("RELEASED");
        String fulfillmentOrderId = fulfillmentOrders.get(0).get("id").asString();
        assertThat(api.post("/api/v1/fulfillment-orders/" + fulfillmentOrderId + "/start-picking", "")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/fulfillment-orders/" + fulfillmentOrderId + "/start-packing", "")
                        .status())
                .isEqualTo(200);

        var late = api.post(
                "/api/v1/orders/" + id + "/changes",
                """
                {"type":"CHANGE_QUANTITY","lineId":"%s","quantity":3}"""
                        .formatted(changed.get("lines").get(2).get("id").asString()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.json().get("detail").asString()).contains("packing started");

        String newLine = changed.get("lines").get(2).get("id").asString();
        var shipped = api.post(
                "/api/v1/fulfillment-orders/" + fulfillmentOrderId + "/ship",
                """
                {"parcels":[{"carrier":"La Poste","service":"Colissimo","trackingNumber":"6A12345678901",
                  "items":[{"orderLineId":"%s","quantity":2}]}]}"""
                        .formatted(newLine));
        assertThat(shipped.status()).isEqualTo(200);

        JsonNode done = api.get("/api/v1/orders/" + id).json();
        assertThat(done.get("status").asString()).isEqualTo("SHIPPED");
        JsonNode shippedLine = done.get("lines").get(2).get("quantities");
        assertThat(shippedLine.get("ordered").asInt()).isEqualTo(2);
        assertThat(shippedLine.get("shipped").asInt()).isEqualTo(2);
        assertThat(done.get("lines").get(0).get("quantities").get("cancelled").asInt())
                .isEqualTo(2);
        assertThat(inventory.stockOf(shirtL).getFirst()).satisfies(level -> {
            assertThat(level.onHand()).isEqualTo(8);
            assertThat(level.reserved()).isZero();
        });

        JsonNode journal = api.get("/api/v1/orders/" + id + "/journal").json();
        assertThat(journal)
                .extracting(entry -> entry.get("kind").asString())
                .containsExactly("PLACED", "VARIANT_CHANGED", "ITEM_REMOVED", "PACKING_STARTED", "SHIPPED");
        assertThat(journal.get(1).get("actor").asString()).isEqualTo("customer via api-key:journey tests");
        assertThat(journal.get(2).get("priceDifference").get("amount").asString())
                .isEqualTo("-6.00");
    }
}
