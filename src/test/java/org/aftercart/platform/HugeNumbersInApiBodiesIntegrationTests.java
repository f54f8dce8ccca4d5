package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.support.ApiClient;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A number a client writes with a huge exponent ({@code 1e999999999}) is refused at once as a
 * malformed body, by every endpoint that takes an amount or a count: never a 500, never minutes
 * spent expanding it to a billion digits.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HugeNumbersInApiBodiesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    ApiClient api;
    String sku;

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "huge number tests", "ak_huge_numbers");
        sku = new TestCatalog(catalog, inventory).variant("MUG", "BLUE", "9.50", 5);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            order unit price   | 1e999999999    | /api/v1/orders            | {"channel":"WEB","currency":"EUR","lines":[{"sku":"%sku","quantity":1,"unitPrice":%n}]}
            order unit price   | 1e-999999999   | /api/v1/orders            | {"channel":"WEB","currency":"EUR","lines":[{"sku":"%sku","quantity":1,"unitPrice":%n}]}
            order unit price   | 1e9999999999   | /api/v1/orders            | {"channel":"WEB","currency":"EUR","lines":[{"sku":"%sku","quantity":1,"unitPrice":%n}]}
            order shipping     | 1e999999999    | /api/v1/orders            | {"channel":"WEB","currency":"EUR","shipping":%n,"lines":[{"sku":"%sku","quantity":1}]}
            order shipping     | -1e999999999   | /api/v1/orders            | {"channel":"WEB","currency":"EUR","shipping":%n,"lines":[{"sku":"%sku","quantity":1}]}
            order quantity     | 1e999999999    | /api/v1/orders            | {"channel":"WEB","currency":"EUR","lines":[{"sku":"%sku","quantity":%n}]}
            gift card amount   | 1e999999999    | /api/v1/wallet/gift-cards | {"amount":%n,"currency":"EUR","reason":"Sold in store"}
            gift card amount   | 1e-999999999   | /api/v1/wallet/gift-cards | {"amount":%n,"currency":"EUR","reason":"Sold in store"}
            gift card amount   | "1e999999999"  | /api/v1/wallet/gift-cards | {"amount":%n,"currency":"EUR","reason":"Sold in store"}
            gift card amount   | 1e9999999999   | /api/v1/wallet/gift-cards | {"amount":%n,"currency":"EUR","reason":"Sold in store"}
            """)
    void aHugeExponentIsRefusedWithAProblem(String field, String number, String path, String body) {
        long started = System.nanoTime();

        var response = api.post(
                path,
                body.replace("%sku", sku).replace("%n", number),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(response.status()).as("%.300s", response.body()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
