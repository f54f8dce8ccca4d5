package org.aftercart.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.platform.ApiKeys;
import org.aftercart.support.ApiClient;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every bad request gets a clear problem response and leaves nothing behind. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrderApiBadInputIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String sku;

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "bad input tests", "ak_bad_input");
        sku = new TestCatalog(catalog, inventory).variant("MUG", "WHITE", "9.50", 5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            malformed JSON              | {"channel":"WEB","currency":"EUR","lines":[{"sku":"%s","quantity":1}]   | 400 | not valid JSON
            unknown SKU                 | {"channel":"WEB","currency":"EUR","lines":[{"sku":"NO-SUCH-SKU","quantity":1}]} | 422 | Unknown SKU 'NO-SUCH-SKU'
            zero quantity               | {"channel":"WEB","currency":"EUR","lines":[{"sku":"%s","quantity":0}]}  | 400 | invalid fields
            negative quantity           | {"channel":"WEB","currency":"EUR","lines":[{"sku":"%s","quantity":-2}]} | 400 | invalid fields
            fractional quantity         | {"channel":"WEB","currency":"EUR","lines":[{"sku":"%s","quantity":1.5}]} | 400 | not valid JSON
            unknown currency            | {"channel":"WEB","currency":"XYZ","lines":[{"sku":"%s","quantity":1}]}  | 422 | Unknown ISO 4217 currency 'XYZ'
            badly written currency      | {"channel":"WEB","currency":"euro","lines":[{"sku":"%s","quantity":1}]} | 400 | invalid fields
            currency not the catalog's  | {"channel":"WEB","currency":"GBP","lines":[{"sku":"%s","quantity":1}]}  | 422 | priced in EUR
            too many decimals           | {"channel":"WEB","currency":"EUR","lines":[{"sku":"%s","quantity":1,"unitPrice":"1.005"}]} | 422 | at most 2 decimals
            no lines                    | {"channel":"WEB","currency":"EUR","lines":[]}                          | 400 | invalid fields
            unknown channel             | {"channel":"FAX","currency":"EUR","lines":[{"sku":"%s","quantity":1}]}  | 400 | not valid JSON
            invalid e-mail              | {"channel":"WEB","currency":"EUR","customer":{"email":"nope"},"lines":[{"sku":"%s","quantity":1}]} | 400 | invalid fields
            """)
    void refusesBadOrdersWithAProblemAndWritesNothing(String name, String body, int status, String detail) {
        long ordersBefore = count("orders.orders");
        long customersBefore = count("customers.customers");

        var response = api.post("/api/v1/orders", body.replace("%s", sku));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(detail);
        assertThat(count("orders.orders")).isEqualTo(ordersBefore);
        assertThat(count("customers.customers")).isEqualTo(customersBefore);
        assertThat(inventory.stockOf(sku).getFirst().reserved()).isZero();
    }

    @Test
    void refusesAnOversizedBody() {
        long before = count("orders.orders");
        String padding = "x".repeat(1_100_000);
        var response = api.post(
                "/api/v1/orders",
                """
                {"channel":"WEB","currency":"EUR","externalRef":"%s","lines":[{"sku":"%s","quantity":1}]}"""
                        .formatted(padding, sku));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(count("orders.orders")).isEqualTo(before);
    }

    @Test
    void refusesCallsWithoutAValidApiKey() {
        var anonymous = new ApiClient(port, null).get("/api/v1/orders?number=AC-100001");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        var wrongKey = new ApiClient(port, "ak_wrong").post("/api/v1/orders", "{}");
        assertThat(wrongKey.status()).isEqualTo(401);
    }

    @Test
    void answersUnknownOrdersWithNotFound() {
        var response = api.get("/api/v1/orders/" + java.util.UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAChangeWithMissingFieldsOrOnAnUnknownLine() {
        var created = api.post(
                "/api/v1/orders",
                """
                {"channel":"PHONE","currency":"EUR","lines":[{"sku":"%s","quantity":1}]}"""
                        .formatted(sku));
        String id = created.json().get("id").asString();

        var missing = api.post("/api/v1/orders/" + id + "/changes", "{\"type\":\"CHANGE_QUANTITY\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("needs 'lineId'");

        var unknownLine = api.post(
                "/api/v1/orders/" + id + "/changes",
                """
                {"type":"CHANGE_QUANTITY","lineId":"%s","quantity":2}"""
                        .formatted(java.util.UUID.randomUUID()));
        assertThat(unknownLine.status()).isEqualTo(422);

        var removeLast = api.post(
                "/api/v1/orders/" + id + "/changes",
                """
                {"type":"REMOVE_ITEM","lineId":"%s"}"""
                        .formatted(created.json().get("lines").get(0).get("id").asString()));
        assertThat(removeLast.status()).isEqualTo(422);
        assertThat(removeLast.body()).contains("cancel the order instead");

        assertThat(api.get("/api/v1/orders/" + id + "/journal").json()).hasSize(1);
    }

    @Test
    void refusesAReusedIdempotencyKeyWithADifferentBody() {
        var first = api.post(
                "/api/v1/orders",
                """
                {"channel":"STORE","currency":"EUR","lines":[{"sku":"%s","quantity":1}]}"""
                        .formatted(sku),
                Map.of("Idempotency-Key", "reuse-" + sku));
        assertThat(first.status()).isEqualTo(201);
        long before = count("orders.orders");

        var second = api.post(
                "/api/v1/orders",
                """
                {"channel":"STORE","currency":"EUR","lines":[{"sku":"%s","quantity":2}]}"""
                        .formatted(sku),
                Map.of("Idempotency-Key", "reuse-" + sku));
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.body()).contains("already used for a different request");
        assertThat(count("orders.orders")).isEqualTo(before);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
