package org.aftercart.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.platform.ApiKeys;
import org.aftercart.support.ApiClient;
import org.aftercart.support.TestCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merchant webhooks end to end over real HTTP: endpoints registered through the API, business facts
 * written as deliveries, and the dispatcher (off in tests, driven here one round at a time) posting
 * them to a local receiver that checks the Standard Webhooks signature as a merchant's would.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "aftercart.notifications.webhooks.read-timeout=PT1S")
class MerchantWebhookIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Autowired
    Dispatcher dispatcher;

    ApiClient api;
    String sku;
    final List<WebhookReceiver> receivers = new ArrayList<>();
    final List<String> endpoints = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "merchant webhook tests", "ak_merchant_webhooks");
        sku = new TestCatalog(catalog, inventory).variant("TEAPOT", "BLUE", "19.00", 50);
    }

    /** Other test classes place orders too: these endpoints must not collect their events. */
    @AfterEach
    void tearDown() {
        endpoints.forEach(id -> jdbc.sql("update notifications.webhook_endpoints set enabled = false where id = ?")
                .param(UUID.fromString(id))
                .update());
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aPlacedOrderReachesTheEndpointSignedAndInTheDocumentedShape() throws IOException {
        WebhookReceiver receiver = receiver();
        JsonNode created = register(receiver, List.of());
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 32);
        String endpoint = created.get("endpoint").get("id").asString();
        assertThat(api.get("/api/v1/webhook-endpoints/" + endpoint).body()).doesNotContain(secret);
        assertThat(api.get("/api/v1/webhook-endpoints").body()).doesNotContain(secret);

        String order = placeOrder(2);
        UUID message = onlyDelivery(endpoint, "order.placed");
        deliverUntilSettled(message);

        assertThat(statusOf(message)).isEqualTo("SENT");
        // Subscribed to every type, it may also hear that the order's confirmation e-mail failed.
        var deliveries = receiver.received().stream()
                .filter(received -> received.id().equals("msg_" + message))
                .toList();
        assertThat(deliveries).hasSize(1);
        var delivery = deliveries.getFirst();
        assertThat(delivery.verified()).isTrue();
        assertThat(delivery.id()).isEqualTo("msg_" + message);
        assertThat(delivery.contentType()).isEqualTo("application/json");
        assertThat(Instant.ofEpochSecond(Long.parseLong(delivery.timestamp())))
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));

        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.get("type").asString()).isEqualTo("order.placed");
        assertThat(Instant.parse(body.get("timestamp").asString())).isBeforeOrEqualTo(Instant.now());
        JsonNode data = body.get("data");
        assertThat(data.get("orderId").asString()).isEqualTo(order);
        assertThat(data.get("orderNumber").asString()).isNotBlank();
        assertThat(data.get("salesChannel").asString()).isEqualTo("WEB");
        assertThat(data.get("total").get("amount").isString()).isTrue();
        assertThat(data.get("total").get("amount").asString()).isEqualTo("38.00");
        assertThat(data.get("total").get("currency").asString()).isEqualTo("EUR");
        assertThat(data.get("lines").get(0).get("sku").asString()).isEqualTo(sku);
        assertThat(data.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(data.get("lines").get(0).get("unitPrice").get("amount").asString())
                .isEqualTo("19.00");
    }

    @Test
    void onlyTheEventTypesAnEndpointSubscribedToAreSentToIt() throws IOException {
        String cancellations = register(receiver(), List.of("order.cancelled"))
                .get("endpoint")
                .get("id")
                .asString();
        String parcels = register(receiver(), List.of("shipment.shipped"))
                .get("endpoint")
                .get("id")
                .asString();

        String order = placeOrder(1);
        var cancelled = api.post("/api/v1/orders/" + order + "/cancel", "{\"reason\": \"changed my mind\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        assertThat(kindsFor(cancellations)).containsExactly("order.cancelled");
        assertThat(kindsFor(parcels)).isEmpty();
        JsonNode body = JSON.readTree(bodyOf(onlyDelivery(cancellations, "order.cancelled")));
        assertThat(body.get("data").get("orderId").asString()).isEqualTo(order);
        assertThat(body.get("data").get("reason").asString()).isEqualTo("changed my mind");
        assertThat(body.get("data").get("refund").get("amount").asString()).isEqualTo("19.00");
    }

    @Autowired
    org.aftercart.orders.OrderManagement orders;

    @Autowired
    org.aftercart.returns.Returns returns;

    @Test
    void aReturnsStepsAndTheMoneyItMovesReachTheEndpointsThatAskedForThem() throws IOException {
        String endpoint = register(receiver(), List.of("return.approved", "return.resolved", "refund.issued"))
                .get("endpoint")
                .get("id")
                .asString();
        var order = orders.find(new org.aftercart.orders.OrderId(UUID.fromString(placeOrder(1))))
                .orElseThrow();
        var line = order.lines().getFirst();
        orders.recordShipment(order.id(), Map.of(line.id(), 1), "Shipped in tests", "tests");
        var request = returns.request(new org.aftercart.returns.RequestReturn(
                order.id(),
                org.aftercart.returns.ReturnChannel.PORTAL,
                org.aftercart.returns.ReturnMethod.MAIL,
                null,
                List.of(new org.aftercart.returns.RequestReturn.Item(
                        line.id(),
                        1,
                        "too-small",
                        null,
                        org.aftercart.returns.ReturnOutcome.REFUND,
                        null,
                        null,
                        List.of())),
                false,
                null,
                "customer"));
        var item = request.items().getFirst();
        returns.receive(
                request.id(),
                List.of(new org.aftercart.returns.ReceivedItem(
                        item.id(), 1, org.aftercart.returns.ItemCondition.NEW, true, null)),
                "warehouse");
        returns.resolve(request.id(), "agent:ann");

        assertThat(kindsFor(endpoint)).containsExactlyInAnyOrder("return.approved", "return.resolved", "refund.issued");
        JsonNode approved = JSON.readTree(bodyOf(onlyDelivery(endpoint, "return.approved")));
        assertThat(approved.get("data").get("request").get("returnNumber").asString())
                .isEqualTo(request.number());
        assertThat(approved.get("data")
                        .get("request")
                        .get("items")
                        .get(0)
                        .get("reason")
                        .asString())
                .isEqualTo("too-small");
        JsonNode resolved = JSON.readTree(bodyOf(onlyDelivery(endpoint, "return.resolved")));
        assertThat(resolved.get("data").get("refunded").get("amount").asString())
                .isEqualTo("19.00");
        assertThat(resolved.get("data").get("orderNumber").asString()).isEqualTo(order.number());
    }

    @Test
    void aFailingEndpointIsRetriedWithTheSameIdAndEveryAttemptIsRecorded() throws IOException {
        WebhookReceiver receiver =
                receiver().answering(Map.of(1, new WebhookReceiver.Status(500), 2, new WebhookReceiver.Status(503)));
        String endpoint = register(receiver, List.of("order.placed"))
                .get("endpoint")
                .get("id")
                .asString();
        placeOrder(1);
        UUID message = onlyDelivery(endpoint, "order.placed");

        deliverUntilSettled(message);
        assertThat(statusOf(message)).isEqualTo("PENDING");
        Instant retryAt = jdbc.sql("select due_at from notifications.messages where id = ?")
                .param(message)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(retryAt).isAfter(Instant.now().plusSeconds(10)); // backoff: first-retry is 30 s
        timePassesFor(message);
        deliverUntilSettled(message);
        timePassesFor(message);
        deliverUntilSettled(message);

        assertThat(statusOf(message)).isEqualTo("SENT");
        assertThat(attemptsOf(message))
                .containsExactly("RETRY: The endpoint answered 500", "RETRY: The endpoint answered 503", "SENT: null");
        assertThat(receiver.received()).hasSize(3).allSatisfy(delivery -> {
            assertThat(delivery.verified()).isTrue();
            assertThat(delivery.id()).isEqualTo("msg_" + message);
        });
    }

    @Test
    void anEndpointAskingToWaitIsLeftAloneThatLongButNoLongerThanADay() throws IOException {
        WebhookReceiver receiver = receiver()
                .answering(Map.of(
                        1, new WebhookReceiver.Throttled(429, "3600"),
                        2, new WebhookReceiver.Throttled(503, "9999999")));
        String endpoint = register(receiver, List.of("order.placed"))
                .get("endpoint")
                .get("id")
                .asString();
        placeOrder(1);
        UUID message = onlyDelivery(endpoint, "order.placed");

        deliverUntilSettled(message);
        assertThat(dueAt(message))
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        timePassesFor(message);
        deliverUntilSettled(message);
        assertThat(dueAt(message))
                .isBetween(
                        Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        timePassesFor(message);
        deliverUntilSettled(message);

        assertThat(statusOf(message)).isEqualTo("SENT");
        assertThat(attemptsOf(message))
                .containsExactly(
                        "RETRY: The endpoint answered 429 and asks to wait 3600 s",
                        "RETRY: The endpoint answered 503 and asks to wait 9999999 s",
                        "SENT: null");
    }

    private Instant dueAt(UUID message) {
        return jdbc.sql("select due_at from notifications.messages where id = ?")
                .param(message)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    @Test
    void anEndpointAnswering410IsDisabledAndGetsNothingMore() throws IOException {
        WebhookReceiver receiver = receiver().answering(Map.of(1, new WebhookReceiver.Status(410)));
        String endpoint = register(receiver, List.of("order.placed"))
                .get("endpoint")
                .get("id")
                .asString();
        placeOrder(1);
        UUID message = onlyDelivery(endpoint, "order.placed");

        deliverUntilSettled(message);

        assertThat(statusOf(message)).isEqualTo("UNDELIVERABLE");
        JsonNode read = api.get("/api/v1/webhook-endpoints/" + endpoint).json();
        assertThat(read.get("enabled").asBoolean()).isFalse();
        assertThat(read.get("disabledReason").asString()).contains("410 Gone");
        placeOrder(1);
        assertThat(kindsFor(endpoint)).hasSize(1);

        // The operator sees why, enables the endpoint again and sends the delivery once more.
        String deliveries = "/api/v1/webhook-endpoints/" + endpoint + "/deliveries";
        JsonNode listed = api.get(deliveries).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("status").asString()).isEqualTo("UNDELIVERABLE");
        assertThat(listed.get(0).get("reason").asString()).contains("answered 410");
        JsonNode detail = api.get(deliveries + "/" + message).json();
        assertThat(detail.get("attemptLog").get(0).get("outcome").asString()).isEqualTo("REJECTED");
        var enabled = api.put(
                "/api/v1/webhook-endpoints/" + endpoint,
                JSON.writeValueAsString(Map.of("url", receiver.url(), "enabled", true)));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().get("disabledReason").isNull()).isTrue();
        assertThat(api.post(deliveries + "/" + message + "/retry", "").status()).isEqualTo(202);
        deliverUntilSettled(message);
        assertThat(statusOf(message)).isEqualTo("SENT");
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).containsOnly("msg_" + message);
    }

    @Test
    void aReceiverThatTookTheDeliveryButAnsweredTooLateGetsItAgainWithTheSameIdAndProcessesItOnce() throws IOException {
        WebhookReceiver receiver = receiver().answering(Map.of(1, new WebhookReceiver.Slow(Duration.ofMillis(2500))));
        String endpoint = register(receiver, List.of("order.placed"))
                .get("endpoint")
                .get("id")
                .asString();
        placeOrder(1);
        UUID message = onlyDelivery(endpoint, "order.placed");

        deliverUntilSettled(message);
        assertThat(attemptsOf(message)).singleElement().asString().startsWith("UNKNOWN: No answer within 1 s");
        timePassesFor(message);
        deliverUntilSettled(message);

        assertThat(statusOf(message)).isEqualTo("SENT");
        assertThat(receiver.received())
                .hasSize(2)
                .extracting(WebhookReceiver.Received::id)
                .containsOnly("msg_" + message);
        assertThat(receiver.processed()).isEqualTo(1);
    }

    @Test
    void duringASecretRotationEachDeliveryCarriesASignatureFromEachSecret() throws IOException {
        WebhookReceiver receiver = receiver();
        JsonNode created = register(receiver, List.of("order.placed"));
        String oldSecret = created.get("secret").asString();
        String endpoint = created.get("endpoint").get("id").asString();

        var rotated = api.post("/api/v1/webhook-endpoints/" + endpoint + "/rotate-secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.json().get("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(Instant.parse(rotated.json().get("previousSecretValidUntil").asString()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));

        placeOrder(1);
        UUID message = onlyDelivery(endpoint, "order.placed");
        deliverUntilSettled(message);

        var delivery = receiver.received().getFirst();
        assertThat(delivery.verified())
                .as("a receiver still on the old secret accepts it")
                .isTrue();
        assertThat(delivery.signatures()).hasSize(2);
        var withNew = new StandardWebhookVerifier(newSecret);
        var withOld = new StandardWebhookVerifier(oldSecret);
        String newest = delivery.signatures().get(0);
        String previous = delivery.signatures().get(1);
        Instant now = Instant.now();
        assertThat(withNew.verify(delivery.id(), delivery.timestamp(), newest, delivery.body(), now))
                .isTrue();
        assertThat(withOld.verify(delivery.id(), delivery.timestamp(), previous, delivery.body(), now))
                .isTrue();
        assertThat(withNew.verify(delivery.id(), delivery.timestamp(), previous, delivery.body(), now))
                .isFalse();
        assertThat(withOld.verify(delivery.id(), delivery.timestamp(), newest, delivery.body(), now))
                .isFalse();
    }

    @Test
    void aStaleTimestampIsRefusedByTheReceiversCheck() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        var verifier = new StandardWebhookVerifier(secret);
        // Signed correctly, but six minutes ago: a replay.
        long then = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        String signature = sign(new byte[32], "msg_1." + then + ".{}");
        assertThat(verifier.verify("msg_1", Long.toString(then), signature, "{}", Instant.now()))
                .isFalse();
        long now = Instant.now().getEpochSecond();
        assertThat(verifier.verify(
                        "msg_1", Long.toString(now), sign(new byte[32], "msg_1." + now + ".{}"), "{}", Instant.now()))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ftp URL              | {"url": "ftp://example.org/hooks"}                  | absolute http or https URL
            relative URL         | {"url": "/hooks"}                                   | absolute http or https URL
            not a URL            | {"url": "http://exa mple.org"}                      | is not a URL
            mailto               | {"url": "mailto:ops@example.org"}                   | absolute http or https URL
            blank URL            | {"url": " "}                                        | invalid fields
            unknown event type   | {"url": "https://example.org/hooks", "eventTypes": ["order.exploded"]} | Unknown event type 'order.exploded'
            """)
    void refusesABadEndpointWithAProblemAndWritesNothing(String name, String body, String detail) {
        long before = jdbc.sql("select count(*) from notifications.webhook_endpoints")
                .query(Long.class)
                .single();

        var response = api.post("/api/v1/webhook-endpoints", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(detail);
        assertThat(jdbc.sql("select count(*) from notifications.webhook_endpoints")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private WebhookReceiver receiver() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode register(WebhookReceiver receiver, List<String> eventTypes) {
        var response = api.post(
                "/api/v1/webhook-endpoints",
                JSON.writeValueAsString(
                        Map.of("url", receiver.url(), "description", "test", "eventTypes", eventTypes)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json();
        receiver.trust(created.get("secret").asString());
        endpoints.add(created.get("endpoint").get("id").asString());
        return created;
    }

    private String placeOrder(int quantity) {
        var response = api.post(
                "/api/v1/orders",
                """
                {"channel": "WEB", "currency": "EUR", "paymentStatus": "PAID",
                 "customer": {"email": "webhooks@example.org"},
                 "lines": [{"sku": "%s", "quantity": %d}]}"""
                        .formatted(sku, quantity));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private UUID onlyDelivery(String endpoint, String kind) {
        return jdbc.sql(
                        """
                        select id from notifications.messages
                        where purpose = 'WEBHOOK' and recipient = ? and kind = ?
                        """)
                .params(endpoint, kind)
                .query(UUID.class)
                .single();
    }

    private List<String> kindsFor(String endpoint) {
        return jdbc.sql("select kind from notifications.messages where purpose = 'WEBHOOK' and recipient = ?")
                .param(endpoint)
                .query(String.class)
                .list();
    }

    private String statusOf(UUID message) {
        return jdbc.sql("select status from notifications.messages where id = ?")
                .param(message)
                .query(String.class)
                .single();
    }

    private String bodyOf(UUID message) {
        return jdbc.sql("select facts ->> 'body' from notifications.messages where id = ?")
                .param(message)
                .query(String.class)
                .single();
    }

    private List<String> attemptsOf(UUID message) {
        return jdbc.sql("select outcome || ': ' || coalesce(detail, 'null') from notifications.attempts"
                        + " where message_id = ? order by number")
                .param(message)
                .query(String.class)
                .list();
    }

    /** Rounds of the dispatcher until this message's attempt is over (other tests' messages may come first). */
    private void deliverUntilSettled(UUID message) {
        int attempts = attemptsOf(message).size();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        dispatcher.deliverDue();
                        return attemptsOf(message).size() > attempts
                                && !statusOf(message).equals("SENDING");
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "Message " + message + " is " + statusOf(message) + " due at "
                            + jdbc.sql("select due_at::text from notifications.messages where id = ?")
                                    .param(message)
                                    .query(String.class)
                                    .single()
                            + " (now " + Instant.now() + ") after attempts " + attemptsOf(message),
                    e);
        }
    }

    /** The wait before the next attempt is over. */
    private void timePassesFor(UUID message) {
        jdbc.sql("update notifications.messages set due_at = now() where id = ? and status = 'PENDING'")
                .param(message)
                .update();
    }

    private static String sign(byte[] key, String content) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
