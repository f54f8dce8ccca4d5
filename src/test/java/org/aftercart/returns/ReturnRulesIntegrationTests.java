package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.LineQuantities;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.payments.PaymentTransaction;
import org.aftercart.payments.Payments;
import org.aftercart.platform.ApiKeys;
import org.aftercart.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bad input refused with a problem naming the rule and nothing written; steps refused in the wrong
 * status with 409 naming it; two people resolving at once.
 */
@ReturnsIntegrationTest
class ReturnRulesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Returns returns;

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Payments payments;

    @Autowired
    ApiKeys apiKeys;

    ApiClient api;
    ReturnFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "returns rules tests", "ak_returns_rules");
        fixtures = new ReturnFixtures(catalog, inventory, orders);
    }

    /** Each bad request: 422 problem naming the rule, no return written, the order's buckets untouched. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    more than returnable    | returnable-quantity | {"orderLineId":"$LINE","quantity":3,"reasonCode":"too-small","outcome":"REFUND"}
                    tampered amount         | amount-mismatch     | {"orderLineId":"$LINE","quantity":1,"reasonCode":"too-small","outcome":"REFUND","unitRefund":"99.00"}
                    unknown line            | unknown-line        | {"orderLineId":"$OTHER","quantity":1,"reasonCode":"too-small","outcome":"REFUND"}
                    unknown reason          | unknown-reason      | {"orderLineId":"$LINE","quantity":1,"reasonCode":"bored","outcome":"REFUND"}
                    comment required        | comment-required    | {"orderLineId":"$LINE","quantity":1,"reasonCode":"other","outcome":"REFUND"}
                    photo required          | photo-required      | {"orderLineId":"$LINE","quantity":1,"reasonCode":"damaged","outcome":"REFUND"}
                    unknown photo           | unknown-photo       | {"orderLineId":"$LINE","quantity":1,"reasonCode":"damaged","outcome":"REFUND","photoIds":["$OTHER"]}
                    exchange without SKU    | exchange-sku-required | {"orderLineId":"$LINE","quantity":1,"reasonCode":"too-small","outcome":"EXCHANGE"}
                    unknown exchange SKU    | unknown-exchange-sku | {"orderLineId":"$LINE","quantity":1,"reasonCode":"too-small","outcome":"EXCHANGE","exchangeSku":"NO-SUCH-SKU"}
                    """)
    void badItemsAreRefusedAndNothingIsWritten(String situation, String rule, String item) {
        String sku = fixtures.products.variant("JEANS", "32", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 2);
        String body = """
                {"orderId":"%s","method":"MAIL","items":[%s]}"""
                .formatted(
                        order.id(),
                        item.replace("$LINE", order.lines().getFirst().id().toString())
                                .replace("$OTHER", UUID.randomUUID().toString()));

        var refused = api.post(
                "/api/v1/returns",
                body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(refused.status()).as(situation).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("rule").asString()).as(refused.body()).isEqualTo(rule);
        assertNothingWritten(order);
    }

    /** A refund per unit written with a huge exponent is refused as it is read, not spelt out in full. */
    @ParameterizedTest
    @CsvSource({"1e999999999", "-1e999999999", "1e-999999999", "\"1e999999999\""})
    void aRefundPerUnitWithAHugeExponentIsRefusedAsMalformed(String unitRefund) {
        String sku = fixtures.products.variant("JEANS", "34", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        long started = System.nanoTime();

        var refused = api.post(
                "/api/v1/returns",
                """
                {"orderId":"%s","method":"MAIL","items":[{"orderLineId":"%s","quantity":1,"reasonCode":"too-small",\
                "outcome":"REFUND","unitRefund":%s}]}"""
                        .formatted(order.id(), order.lines().getFirst().id(), unitRefund),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        // The body only in part: unchecked, it named the amount in full, a gigabyte of digits.
        assertThat(refused.status()).as("%.300s", refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertNothingWritten(order);
    }

    @Test
    void anItemOutsideThePolicyIsRefusedNamingTheRule() {
        String sku = fixtures.finalSaleVariant("20.00");
        OrderView order = fixtures.delivered(sku, 1);

        var refused = api.post("/api/v1/returns", body(order, 1, "too-small", "REFUND"));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.get("rule").asString()).isEqualTo("final-sale");
        assertThat(problem.get("refusals").get(0).get("messageKey").asString()).isEqualTo("returns.rule.final-sale");
        assertThat(problem.get("detail").asString()).isEqualTo(sku + " was sold as final sale");
        assertNothingWritten(order);
    }

    @Test
    void theWindowCountsFromShippingWhenDeliveryIsUnknown() {
        String sku = fixtures.products.variant("HAT", "ONE", "20.00", 5);
        OrderView order = fixtures.shippedOnly(sku, 1, Instant.now().minus(Duration.ofDays(40)));

        var refused = api.post("/api/v1/returns", body(order, 1, "too-small", "REFUND"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("return-window");
        assertThat(refused.json().get("detail").asString()).contains("counted from shipping");
        assertNothingWritten(order);
    }

    @Test
    void aSecondReturnForTheSameItemsIsRefused() {
        String sku = fixtures.products.variant("BELT", "ONE", "20.00", 5);
        OrderView order = fixtures.delivered(sku, 2);
        assertThat(api.post("/api/v1/returns", body(order, 2, "too-small", "REFUND"))
                        .status())
                .isEqualTo(201);

        var second = api.post("/api/v1/returns", body(order, 1, "too-large", "REFUND"));

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().get("rule").asString()).isEqualTo("already-returned");
        assertThat(returns.ofOrder(order.id())).hasSize(1);
        assertThat(quantities(order).returnRequested()).isEqualTo(2);
    }

    @Test
    void anUnknownOrderIsRefused() {
        var refused = api.post(
                "/api/v1/returns",
                """
                {"orderId":"%s","method":"MAIL","items":[{"orderLineId":"%s","quantity":1,"reasonCode":"too-small","outcome":"REFUND"}]}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("unknown-order");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherRequestIsRefused() {
        String sku = fixtures.products.variant("TIE", "ONE", "20.00", 5);
        OrderView order = fixtures.delivered(sku, 2);
        String key = UUID.randomUUID().toString();
        assertThat(api.post("/api/v1/returns", body(order, 1, "too-small", "REFUND"), Map.of("Idempotency-Key", key))
                        .status())
                .isEqualTo(201);

        var reused = api.post("/api/v1/returns", body(order, 2, "too-small", "REFUND"), Map.of("Idempotency-Key", key));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("rule").asString()).isEqualTo("idempotency-key-reused");
        assertThat(returns.ofOrder(order.id())).hasSize(1);
    }

    @Test
    void aPhotoIsCheckedByItsBytesAndThenSatisfiesTheReason() {
        String sku = fixtures.products.variant("PLATE", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

        var notAnImage = upload("notes.png", "image/png", "just text".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnImage.status()).isEqualTo(422);
        assertThat(notAnImage.json().get("rule").asString()).isEqualTo("photo-type");
        var uploaded = upload("crack.png", "image/png", png);
        assertThat(uploaded.status()).isEqualTo(201);
        String photo = uploaded.json().get("id").asString();

        var created = api.post(
                "/api/v1/returns",
                """
                {"orderId":"%s","method":"MAIL","items":[{"orderLineId":"%s","quantity":1,"reasonCode":"damaged",
                 "outcome":"REFUND","photoIds":["%s"]}]}"""
                        .formatted(order.id(), order.lines().getFirst().id(), photo));

        assertThat(created.status()).isEqualTo(201);
        // A damaged item needs inspection: it waits for a person.
        assertThat(created.json().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(created.json().get("steps").get(1).get("note").asString())
                .isEqualTo("Waiting for a person to approve: the reason 'damaged' needs inspection");
    }

    @Test
    void photosUpToFiveMegabytesAreTakenAndLargerOnesRefused() {
        byte[] large = new byte[4 * 1024 * 1024];
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(png, 0, large, 0, png.length);
        assertThat(upload("large.png", "image/png", large).status()).isEqualTo(201);

        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(png, 0, tooLarge, 0, png.length);
        var refused = upload("huge.png", "image/png", tooLarge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    // ------------------------------------------------------------------ steps in the wrong status

    @Test
    void aRequestThatWaitsIsApprovedOrRejectedByAPersonOnce() {
        String sku = fixtures.products.variant("RADIO", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        ReturnView waiting = returns.request(defective(order));
        assertThat(waiting.status()).isEqualTo(ReturnStatus.REQUESTED);

        ReturnView rejected = returns.reject(waiting.id(), "agent:ann", "Damage caused by misuse");

        assertThat(rejected.status()).isEqualTo(ReturnStatus.REJECTED);
        assertThat(quantities(order).returnRequested()).isZero();
        var again =
                api.post("/api/v1/returns/" + waiting.id() + "/approve", """
                {"note":"looks fine"}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(again.json().get("detail").asString())
                .isEqualTo("Return " + waiting.number() + " is REJECTED: it cannot be approved.");

        ReturnView second = returns.request(defective(order));
        assertThat(second.number()).isEqualTo("R-" + order.number() + "-2");
        assertThat(returns.approve(second.id(), "agent:ann", "checked the photos")
                        .status())
                .isEqualTo(ReturnStatus.APPROVED);
        assertThatThrownBy(() -> returns.approve(second.id(), "agent:bob", null))
                .isInstanceOf(ReturnStepNotAllowed.class)
                .hasMessageContaining("is APPROVED");
    }

    @Test
    void cancellingReleasesTheUnitsAndTheExchangeStockAndIsRefusedOnceReceived() {
        String medium = fixtures.products.variant("JACKET", "M", "40.00", 5);
        String large = fixtures.products.variant("JACKET", "L", "40.00", 3);
        OrderView order = fixtures.delivered(medium, 1);
        ReturnView approved =
                returns.request(ReturnJourneyIntegrationTests.request(order, ReturnOutcome.EXCHANGE, large));
        assertThat(reservedOf(large)).isEqualTo(1);

        ReturnView cancelled = returns.cancel(approved.id(), "customer", "Found it fits after all");

        assertThat(cancelled.status()).isEqualTo(ReturnStatus.CANCELLED);
        assertThat(reservedOf(large)).isZero();
        assertThat(quantities(order).returnRequested()).isZero();
        assertThatThrownBy(() -> returns.cancel(approved.id(), "customer", "again"))
                .isInstanceOf(ReturnStepNotAllowed.class)
                .hasMessageContaining("is CANCELLED");

        ReturnView received = receive(
                returns.request(ReturnJourneyIntegrationTests.request(order, ReturnOutcome.STORE_CREDIT, null)));
        assertThatThrownBy(() -> returns.cancel(received.id(), "customer", "too late"))
                .isInstanceOf(ReturnStepNotAllowed.class)
                .hasMessageContaining("is RECEIVED");
        assertThatThrownBy(() -> receive(received))
                .isInstanceOf(ReturnStepNotAllowed.class)
                .hasMessageContaining("is RECEIVED");
        assertThatThrownBy(() -> returns.markInTransit(received.id(), null, null, "customer"))
                .isInstanceOf(ReturnStepNotAllowed.class);
        assertThatThrownBy(() -> returns.markRefundedByHand(received.id(), "agent:ann", "cash"))
                .isInstanceOf(ReturnStepNotAllowed.class)
                .hasMessageContaining("is RECEIVED");
    }

    @Test
    void anApprovedReturnIsNotResolvedBeforeItsItemsArrive() {
        String sku = fixtures.products.variant("CLOCK", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        ReturnView approved = returns.request(ReturnJourneyIntegrationTests.request(order, ReturnOutcome.REFUND, null));

        var early = api.post("/api/v1/returns/" + approved.id() + "/resolve", "");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(returns.find(approved.id()).orElseThrow().status()).isEqualTo(ReturnStatus.APPROVED);
    }

    @Test
    void twoPeopleResolvingAtOnceRefundOnce() throws Exception {
        String sku = fixtures.products.variant("KETTLE", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        ReturnView received =
                receive(returns.request(ReturnJourneyIntegrationTests.request(order, ReturnOutcome.REFUND, null)));

        CountDownLatch start = new CountDownLatch(1);
        Callable<String> resolve = () -> {
            start.await();
            try {
                return returns.resolve(received.id(), "agent").status().name();
            } catch (ReturnStepNotAllowed refused) {
                return "REFUSED";
            }
        };
        List<String> outcomes;
        try (ExecutorService agents = Executors.newFixedThreadPool(2)) {
            Future<String> first = agents.submit(resolve);
            Future<String> second = agents.submit(resolve);
            start.countDown();
            outcomes = List.of(first.get(), second.get());
        }

        // The second finds the refund decided: it carries it on (or finds it under way), never a second one.
        assertThat(outcomes).contains("RESOLVED").allMatch(status -> Set.of("RESOLVED", "REFUND_PENDING")
                .contains(status));
        assertThat(payments.transactionsOf(order.id().id()))
                .filteredOn(t -> t.kind() == PaymentTransaction.Kind.REFUND)
                .hasSize(1);
        assertThat(quantities(order).refunded()).isEqualTo(1);
    }

    @Test
    void anUnknownReturnIsNotFound() {
        var missing = api.get("/api/v1/returns/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        var step = api.post("/api/v1/returns/" + UUID.randomUUID() + "/resolve", "");
        assertThat(step.status()).isEqualTo(404);
    }

    @Test
    void reasonsAreListedWithTheirLabelsInTheCallersLanguage() {
        var english = api.get("/api/v1/return-reasons").json();
        assertThat(english)
                .extracting(reason -> reason.get("code").asString())
                .containsSubsequence("doesnt-fit", "too-small", "too-large", "damaged", "other");
        JsonNode tooSmall = find(english, "too-small");
        assertThat(tooSmall.get("parentCode").asString()).isEqualTo("doesnt-fit");
        assertThat(tooSmall.get("label").asString()).isEqualTo("Too small");
        assertThat(find(english, "damaged").get("requiresPhoto").asBoolean()).isTrue();
    }

    private static JsonNode find(JsonNode reasons, String code) {
        for (JsonNode reason : reasons) {
            if (reason.get("code").asString().equals(code)) {
                return reason;
            }
        }
        throw new AssertionError("no reason " + code);
    }

    private static RequestReturn defective(OrderView order) {
        return new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(),
                        1,
                        "defective",
                        "It stops after a minute",
                        ReturnOutcome.REFUND,
                        null,
                        null,
                        List.of())),
                false,
                null,
                "customer");
    }

    private ReturnView receive(ReturnView request) {
        return returns.receive(
                request.id(),
                request.items().stream()
                        .map(item -> new ReceivedItem(item.id(), item.quantity(), ItemCondition.NEW, false, null))
                        .toList(),
                "warehouse:sam");
    }

    private static String body(OrderView order, int quantity, String reason, String outcome) {
        return """
                {"orderId":"%s","method":"MAIL","items":[{"orderLineId":"%s","quantity":%d,"reasonCode":"%s","outcome":"%s"}]}"""
                .formatted(order.id(), order.lines().getFirst().id(), quantity, reason, outcome);
    }

    private ApiClient.Response upload(String filename, String contentType, byte[] content) {
        String boundary = "----returns" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return api.postRaw(
                "/api/v1/return-photos",
                body,
                Map.of(
                        "Content-Type",
                        "multipart/form-data; boundary=" + boundary,
                        "Authorization",
                        "Bearer ak_returns_rules"));
    }

    private void assertNothingWritten(OrderView order) {
        assertThat(returns.ofOrder(order.id())).isEmpty();
        assertThat(quantities(order)).isEqualTo(order.lines().getFirst().quantities());
    }

    private LineQuantities quantities(OrderView order) {
        return fixtures.reload(order).lines().getFirst().quantities();
    }

    private int reservedOf(String sku) {
        return inventory.stockOf(sku).stream()
                .mapToInt(level -> level.reserved())
                .sum();
    }
}
