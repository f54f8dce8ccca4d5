package org.aftercart.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The probes and the Prometheus metrics on the main port: probes answer anyone with the status
 * only; metrics need the token (either one while it is rotated); the figures an operator watches
 * move with what happens.
 */
@ObservabilityIntegrationTest
class MetricsAndProbesTests extends ObservabilityTestBase {

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void probesAnswerAnyoneWithTheStatusAndNothingElse() {
        for (String probe : ManagementSecurity.PROBES) {
            HttpResponse<String> answer = get(probe, Map.of());
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(answer.body())
                    .as(probe)
                    .contains("\"status\":\"UP\"")
                    .doesNotContain("components", "details", "database", "PostgreSQL");
        }
    }

    @Test
    void metricsAndTheOtherEndpointsNeedTheToken() {
        assertThat(get("/actuator/prometheus", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", Map.of("Authorization", "Bearer wrong"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/actuator/info", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health/db", Map.of()).statusCode())
                .as("a health component's details are not a probe")
                .isEqualTo(401);
        HttpResponse<String> refused = get("/actuator/prometheus", Map.of());
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(scrape(METRICS_TOKEN)).contains("aftercart_messages_due{");
        assertThat(scrape(METRICS_PREVIOUS_TOKEN))
                .as("the previous token works while it is rotated out")
                .contains("aftercart_messages_due{");
    }

    @Test
    void theFiguresAnOperatorWatchesMoveWithWhatHappens() {
        String metrics = scrape(METRICS_TOKEN);
        assertThat(metrics)
                .contains("aftercart_messages_due{application=\"aftercart\",channel=\"email\"}")
                .contains("aftercart_messages_scheduled{application=\"aftercart\",channel=\"sms\"}")
                .contains("aftercart_messages_oldest_due_age_seconds{application=\"aftercart\",channel=\"webhook\"}")
                .contains("aftercart_webhooks_delivery_lag_seconds{application=\"aftercart\"}")
                .contains("aftercart_messages_waiting_for_agent{application=\"aftercart\"}")
                .contains("aftercart_events_incomplete{application=\"aftercart\"}")
                .contains("aftercart_events_oldest_incomplete_age_seconds{application=\"aftercart\"}")
                .contains(
                        "aftercart_job_interval_seconds{application=\"aftercart\",job=\"HoldRelease.releaseDue\"} 15.0")
                .contains("aftercart_job_lag_seconds{application=\"aftercart\",job=\"ShipmentDelays.")
                .contains("aftercart_job_last_failed{application=\"aftercart\",job=\"ReturnSweeper.")
                .contains("hikaricp_connections_active")
                .contains("http_server_requests_seconds_count");

        assertThat(value(metrics, "aftercart_job_lag_seconds", "job=\"HoldRelease.releaseDue\""))
                .as("a job that runs every 15 s is not behind")
                .isLessThan(30);

        double phoneOrders = value(metrics, "aftercart_orders_placed_total", "channel=\"phone\"");
        double accepted =
                value(metrics, "aftercart_webhooks_received_total", "outcome=\"accepted\",source=\"shopify\"");
        double refused = value(metrics, "aftercart_webhooks_received_total", "outcome=\"refused\",source=\"shopify\"");

        String key = "ak_metrics_" + UUID.randomUUID();
        apiKeys.register("metrics tests", key);
        String sku = new TestCatalog(catalog, inventory).variant("MUG", "ONE", "9.00", 10);
        HttpResponse<String> order = post(
                "/api/v1/orders",
                """
                {"channel":"PHONE","currency":"EUR","paymentStatus":"PAID",
                 "customer":{"email":"metrics-%s@example.org","name":"Mae Trics"},
                 "shipTo":{"name":"Mae Trics","line1":"1 High Street","city":"Leeds","postcode":"LS1 4AP","country":"GB"},
                 "lines":[{"sku":"%s","quantity":1}]}
                """
                        .formatted(UUID.randomUUID(), sku)
                        .getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "Authorization",
                        "Bearer " + key,
                        "Content-Type",
                        "application/json",
                        "Idempotency-Key",
                        UUID.randomUUID().toString()));
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> shopify = Map.of(
                "X-Shopify-Topic", "app/uninstalled",
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "Content-Type", "application/json");
        assertThat(post("/webhooks/shopify", body, with(shopify, shopifyHmac(SHOPIFY_SECRET, body)))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/webhooks/shopify", body, with(shopify, shopifyHmac("not-the-secret", body)))
                        .statusCode())
                .isEqualTo(401);

        String after = scrape(METRICS_TOKEN);
        assertThat(value(after, "aftercart_orders_placed_total", "channel=\"phone\""))
                .as(after)
                .isEqualTo(phoneOrders + 1);
        assertThat(value(after, "aftercart_webhooks_received_total", "outcome=\"accepted\",source=\"shopify\""))
                .isEqualTo(accepted + 1);
        assertThat(value(after, "aftercart_webhooks_received_total", "outcome=\"refused\",source=\"shopify\""))
                .isEqualTo(refused + 1);
    }

    @Test
    void theBacklogAndTheWebhookLagAreReadFromTheMessagesNotYetSent() {
        double scheduledTexts = value(scrape(METRICS_TOKEN), "aftercart_messages_scheduled", "channel=\"sms\"");
        UUID text = UUID.randomUUID();
        UUID webhook = UUID.randomUUID();
        // Neither is due, so the dispatcher leaves them alone: a text held by quiet hours, and a
        // webhook delivery written an hour ago that waits for its next retry.
        jdbc.sql("insert into notifications.messages (id, kind, purpose, dedupe_key, channel, due_at)"
                        + " values (?, 'order-confirmed', 'TRANSACTIONAL', ?, 'SMS', now() + interval '1 day')")
                .params(text, "metrics-" + text)
                .update();
        jdbc.sql("insert into notifications.messages (id, kind, purpose, dedupe_key, channel, due_at, created_at)"
                        + " values (?, 'order.placed', 'WEBHOOK', ?, 'WEBHOOK', now() + interval '1 day',"
                        + " now() - interval '1 hour')")
                .params(webhook, "metrics-" + webhook)
                .update();
        try {
            String metrics = scrape(METRICS_TOKEN);
            assertThat(value(metrics, "aftercart_messages_scheduled", "channel=\"sms\""))
                    .isEqualTo(scheduledTexts + 1);
            assertThat(value(metrics, "aftercart_webhooks_delivery_lag_seconds", "application"))
                    .isGreaterThanOrEqualTo(3600.0);
        } finally {
            jdbc.sql("delete from notifications.messages where id in (?, ?)")
                    .params(text, webhook)
                    .update();
        }
        assertThat(value(scrape(METRICS_TOKEN), "aftercart_messages_scheduled", "channel=\"sms\""))
                .isEqualTo(scheduledTexts);
    }

    private String scrape(String token) {
        HttpResponse<String> answer = get("/actuator/prometheus", Map.of("Authorization", "Bearer " + token));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static Map<String, String> with(Map<String, String> headers, String hmac) {
        var all = new java.util.HashMap<>(headers);
        all.put("X-Shopify-Hmac-Sha256", hmac);
        return all;
    }

    /** A sample's value, 0 when the series does not exist yet (a counter never incremented). */
    static double value(String metrics, String name, String labels) {
        Matcher sample = Pattern.compile(
                        "(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*} (\\S+)$")
                .matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
