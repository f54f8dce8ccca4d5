package org.aftercart.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IdempotentOrderIntakeIntegrationTests {

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
        api = ApiClient.withNewKey(apiKeys, port, "idempotency tests", "ak_idempotency");
        sku = new TestCatalog(catalog, inventory).variant("CAP", "RED", "15.00", 100);
    }

    @Test
    void theSameKeyTwiceCreatesOneOrder() {
        String body =
                """
                {"channel":"WEB","currency":"EUR","customer":{"email":"twice@example.org"},"lines":[{"sku":"%s","quantity":1}]}"""
                        .formatted(sku);
        var first = api.post("/api/v1/orders", body, Map.of("Idempotency-Key", "twice-" + sku));
        var second = api.post("/api/v1/orders", body, Map.of("Idempotency-Key", "twice-" + sku));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.headers().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(second.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(inventory.stockOf(sku).getFirst().reserved()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneOrder() throws Exception {
        String body =
                """
                {"channel":"MARKETPLACE","currency":"EUR","lines":[{"sku":"%s","quantity":2}]}"""
                        .formatted(sku);
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/orders", body, Map.of("Idempotency-Key", "race-" + sku));
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<ApiClient.Response> response : responses) {
                assertThat(response.get().status()).isIn(200, 201);
                ids.add(response.get().json().get("id").asString());
            }
            assertThat(ids).containsOnly(ids.getFirst());
        }
        assertThat(jdbc.sql("select count(*) from orders.order_lines where sku = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(inventory.stockOf(sku).getFirst().reserved()).isEqualTo(2);
    }
}
