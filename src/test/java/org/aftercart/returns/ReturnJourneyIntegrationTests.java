package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.inventory.StockLevel;
import org.aftercart.orders.LineQuantities;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.payments.PaymentTransaction;
import org.aftercart.payments.Payments;
import org.aftercart.platform.ApiKeys;
import org.aftercart.support.ApiClient;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A journey per outcome: an order placed, shipped and delivered, then returned and resolved, with
 * the order's buckets, the payment movements, the stock and the published events checked.
 */
@ReturnsIntegrationTest
class ReturnJourneyIntegrationTests {

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
    TrackingIntake trackingIntake;

    @Autowired
    Tracking tracking;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ReturnSweeper sweeper;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReturnsTestConfiguration.RecordedEvents events;

    @Autowired
    ReturnsTestConfiguration.ScriptedProvider provider;

    ApiClient api;
    ReturnFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "returns tests", "ak_returns");
        fixtures = new ReturnFixtures(catalog, inventory, orders);
    }

    @Test
    void refundJourneyThroughTheApi() {
        String sku = fixtures.products.variant("COAT", "M", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 2);
        UUID line = order.lines().getFirst().id();

        JsonNode eligibility =
                api.get("/api/v1/orders/" + order.id() + "/return-eligibility").json();
        assertThat(eligibility.get("lines").get(0).get("returnableQuantity").asInt())
                .isEqualTo(2);
        assertThat(eligibility
                        .get("lines")
                        .get(0)
                        .get("refundPerUnit")
                        .get("amount")
                        .asString())
                .isEqualTo("40.00");

        String body =
                """
                {"orderId":"%s","channel":"PORTAL","method":"MAIL","requestedBy":"customer",
                 "items":[{"orderLineId":"%s","quantity":2,"reasonCode":"too-small","outcome":"REFUND","unitRefund":"40.00"}]}
                """
                        .formatted(order.id(), line);
        String key = UUID.randomUUID().toString();
        var created = api.post("/api/v1/returns", body, Map.of("Idempotency-Key", key));
        assertThat(created.status()).isEqualTo(201);
        JsonNode request = created.json();
        String id = request.get("id").asString();
        assertThat(request.get("number").asString()).isEqualTo("R-" + order.number() + "-1");
        assertThat(request.get("status").asString()).isEqualTo("APPROVED");

        var replayed = api.post("/api/v1/returns", body, Map.of("Idempotency-Key", key));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("id").asString()).isEqualTo(id);
        assertThat(returns.ofOrder(order.id())).hasSize(1);
        assertThat(quantities(order).returnRequested()).isEqualTo(2);

        String trackingNumber =
                "RT" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
        var sent = api.post(
                "/api/v1/returns/" + id + "/in-transit",
                """
                {"carrier":"La Poste","trackingNumber":"%s"}""".formatted(trackingNumber));
        assertThat(sent.json().get("status").asString()).isEqualTo("IN_TRANSIT");

        trackingIntake.accept(
                "generic",
                null,
                List.of(new CarrierReport(
                        "canonical",
                        "La Poste",
                        trackingNumber,
                        null,
                        List.of(new CarrierEvent(Instant.now(), "DELIVERED", null, "Delivered", null)))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        returns.find(ReturnId.of(id)).orElseThrow().steps())
                .extracting(ReturnView.Step::note)
                .contains("Delivered to the merchant by La Poste"));

        String item = request.get("items").get(0).get("id").asString();
        var received = api.post(
                "/api/v1/returns/" + id + "/receive",
                """
                {"items":[{"itemId":"%s","quantity":2,"condition":"NEW","resellable":true}]}"""
                        .formatted(item));
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(stockAt("MAIN", sku).onHand()).isEqualTo(7);

        var resolved = api.post("/api/v1/returns/" + id + "/resolve", "");
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("refunded").get("amount").asString()).isEqualTo("80.00");

        assertThat(payments.transactionsOf(order.id().id()))
                .extracting(PaymentTransaction::kind, t -> t.amount().toString(), PaymentTransaction::status)
                .containsExactlyInAnyOrder(
                        tuple(PaymentTransaction.Kind.CAPTURE, "80.00 EUR", PaymentTransaction.Status.SUCCEEDED),
                        tuple(PaymentTransaction.Kind.REFUND, "80.00 EUR", PaymentTransaction.Status.SUCCEEDED));
        OrderView after = fixtures.reload(order);
        assertThat(after.status()).isEqualTo(OrderStatus.RETURNED);
        assertThat(after.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(after.lines().getFirst().quantities()).isEqualTo(new LineQuantities(2, 0, 2, 2, 2, 0, 2, 2));

        ReturnId returnId = ReturnId.of(id);
        assertThat(events.kindsOf(returnId))
                .containsExactly(
                        "ReturnRequested", "ReturnApproved", "ReturnInTransit", "ReturnReceived", "ReturnResolved");
        ReturnResolved done = events.of(ReturnResolved.class, returnId).getFirst();
        assertThat(done.refunded()).isEqualTo(money("80.00"));
        assertThat(done.storeCredit()).isEqualTo(money("0.00"));
        assertThat(done.orderNumber()).isEqualTo(order.number());
        assertThat(done.customerEmail()).isEqualTo(order.email());
        assertThat(done.items())
                .extracting(ReturnResolved.ItemOutcome::quantity, ReturnResolved.ItemOutcome::outcome)
                .containsExactly(tuple(2, ReturnOutcome.REFUND));
        assertThat(returns.find(returnId).orElseThrow().steps())
                .extracting(ReturnView.Step::to)
                .containsExactly(
                        ReturnStatus.REQUESTED,
                        ReturnStatus.APPROVED,
                        ReturnStatus.IN_TRANSIT,
                        ReturnStatus.IN_TRANSIT,
                        ReturnStatus.RECEIVED,
                        ReturnStatus.REFUND_PENDING,
                        ReturnStatus.RESOLVED);
    }

    @Test
    void storeCreditWithBonusIsLeftToTheWalletThroughTheResolvedEvent() {
        String sku = fixtures.products.variant("SCARF", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);

        ReturnView requested = returns.request(request(order, ReturnOutcome.STORE_CREDIT, null));
        ReturnView received = receiveAll(requested, false);
        ReturnView resolved = returns.resolve(received.id(), "agent:ann");

        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        ReturnResolved event = events.of(ReturnResolved.class, resolved.id()).getFirst();
        assertThat(event.storeCredit()).isEqualTo(money("40.00"));
        assertThat(event.bonus()).isEqualTo(money("4.00"));
        assertThat(event.refunded()).isEqualTo(money("0.00"));
        assertThat(event.creditIdempotencyKey()).isEqualTo("return:" + resolved.id() + ":credit");
        assertThat(payments.transactionsOf(order.id().id()))
                .extracting(PaymentTransaction::kind)
                .containsExactly(PaymentTransaction.Kind.CAPTURE);
        LineQuantities buckets = quantities(order);
        assertThat(buckets.returned()).isEqualTo(1);
        assertThat(buckets.refunded()).isZero();
        assertThat(stockAt("MAIN", sku).onHand()).isEqualTo(5);
    }

    @Test
    void anItemWorthLessThanItsReturnShippingIsRefundedAndKept() {
        String sku = fixtures.products.variant("SOCKS", "ONE", "3.00", 5);
        OrderView order = fixtures.delivered(sku, 1);

        ReturnView resolved = returns.request(request(order, ReturnOutcome.REFUND, null));

        assertThat(resolved.returnless()).isTrue();
        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(resolved.refunded()).isEqualTo(money("3.00"));
        assertThat(resolved.steps())
                .extracting(ReturnView.Step::to)
                .containsExactly(
                        ReturnStatus.REQUESTED,
                        ReturnStatus.APPROVED,
                        ReturnStatus.APPROVED,
                        ReturnStatus.REFUND_PENDING,
                        ReturnStatus.RESOLVED);
        assertThat(quantities(order)).isEqualTo(new LineQuantities(1, 0, 1, 1, 1, 0, 1, 1));
        assertThat(events.of(ReturnResolved.class, resolved.id()).getFirst().items())
                .singleElement()
                .satisfies(item -> assertThat(item.kept()).isTrue());
        assertThat(events.kindsOf(resolved.id())).doesNotContain("ReturnReceived", "ReturnInTransit");
    }

    @Test
    void exchangeReservesTheNewSizeAndPlacesTheReplacementOnResolution() {
        String medium = fixtures.products.variant("SHIRT", "M", "40.00", 5);
        String large = fixtures.products.variant("SHIRT", "L", "40.00", 1);
        OrderView order = fixtures.delivered(medium, 1);

        ReturnView approved = returns.request(request(order, ReturnOutcome.EXCHANGE, large));
        assertThat(approved.status()).isEqualTo(ReturnStatus.APPROVED);
        assertThat(stockAt("MAIN", large).reserved()).isEqualTo(1);

        ReturnView resolved = returns.resolve(receiveAll(approved, true).id(), "agent:ann");

        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(resolved.exchangeOrderNumber()).isNotNull();
        OrderView replacement =
                orders.findByNumber(resolved.exchangeOrderNumber()).orElseThrow();
        assertThat(replacement.lines())
                .extracting(OrderView.Line::sku, line -> line.quantities().ordered())
                .containsExactly(tuple(large, 1));
        assertThat(replacement.total()).isEqualTo(money("0.00"));
        assertThat(replacement.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(replacement.email()).isEqualTo(order.email());
        // The replacement order holds the stock now; the return's own reservation is gone.
        assertThat(stockAt("MAIN", large).reserved()).isEqualTo(1);
        assertThat(inventory.reservationsOf(replacement.id().id())).hasSize(1);
        ReturnResolved event = events.of(ReturnResolved.class, resolved.id()).getFirst();
        assertThat(event.exchangeOrderNumber()).isEqualTo(replacement.number());
        assertThat(event.refunded()).isEqualTo(money("0.00"));
        assertThat(payments.transactionsOf(order.id().id()))
                .extracting(PaymentTransaction::kind)
                .containsExactly(PaymentTransaction.Kind.CAPTURE);
    }

    @Test
    void anExchangeOutOfStockFallsBackToStoreCreditAndSaysSo() {
        String medium = fixtures.products.variant("DRESS", "M", "40.00", 5);
        String large = fixtures.products.variant("DRESS", "L", "40.00", 0);
        OrderView order = fixtures.delivered(medium, 1);

        ReturnView approved = returns.request(request(order, ReturnOutcome.EXCHANGE, large));

        assertThat(approved.items()).singleElement().satisfies(item -> {
            assertThat(item.requestedOutcome()).isEqualTo(ReturnOutcome.EXCHANGE);
            assertThat(item.outcome()).isEqualTo(ReturnOutcome.STORE_CREDIT);
            assertThat(item.outcomeNote()).isEqualTo(large + " is out of stock: you get store credit instead");
        });
        ReturnView resolved = returns.resolve(receiveAll(approved, true).id(), "agent:ann");
        assertThat(resolved.storeCredit()).isEqualTo(money("40.00"));
        assertThat(resolved.exchangeOrderNumber()).isNull();
    }

    @Test
    void instantExchangeShipsAtApprovalSecuredByAHoldReleasedOnReceipt() {
        String medium = fixtures.products.variant("BOOT", "41", "40.00", 5);
        String large = fixtures.products.variant("BOOT", "42", "40.00", 2);
        OrderView order = fixtures.delivered(medium, 1);

        ReturnView approved = returns.request(request(order, ReturnOutcome.INSTANT_EXCHANGE, large));

        assertThat(approved.exchangeOrderNumber()).isNotNull();
        assertThat(approved.holdDeadline()).isAfter(Instant.now().plus(Duration.ofDays(29)));
        assertThat(payments.transactionsOf(order.id().id()))
                .extracting(PaymentTransaction::kind, t -> t.amount().toString(), PaymentTransaction::status)
                .contains(tuple(PaymentTransaction.Kind.HOLD, "40.00 EUR", PaymentTransaction.Status.SUCCEEDED));
        assertThatThrownBy(() -> returns.cancel(approved.id(), "customer", "changed my mind"))
                .isInstanceOf(ReturnStepNotAllowed.class)
                .hasMessageContaining("instant exchange");

        ReturnView received = receiveAll(approved, true);
        assertThat(payments.transactionsOf(order.id().id()))
                .extracting(PaymentTransaction::kind, PaymentTransaction::status)
                .contains(tuple(PaymentTransaction.Kind.HOLD_RELEASE, PaymentTransaction.Status.SUCCEEDED))
                .doesNotContain(tuple(PaymentTransaction.Kind.HOLD_CAPTURE, PaymentTransaction.Status.SUCCEEDED));
        ReturnView resolved = returns.resolve(received.id(), "agent:ann");

        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(resolved.refunded()).isEqualTo(money("0.00"));
        assertThat(events.of(ReturnResolved.class, resolved.id()).getFirst().exchangeOrderNumber())
                .isEqualTo(approved.exchangeOrderNumber());
    }

    @Test
    void aCheaperInstantReplacementRefundsTheDifferenceOnceTheItemsAreBack() {
        String coat = fixtures.products.variant("PARKA", "M", "40.00", 5);
        String cheaper = fixtures.products.variant("PARKA-LITE", "M", "25.00", 2);
        OrderView order = fixtures.delivered(coat, 1);

        ReturnView approved = returns.request(request(order, ReturnOutcome.INSTANT_EXCHANGE, cheaper));
        ReturnView resolved = returns.resolve(receiveAll(approved, true).id(), "agent:ann");

        assertThat(resolved.refunded()).isEqualTo(money("15.00"));
        assertThat(orders.findByNumber(approved.exchangeOrderNumber())
                        .orElseThrow()
                        .total())
                .isEqualTo(money("0.00"));
        // The difference is money back, not a returned unit refunded: the line's refunded bucket stays.
        assertThat(quantities(order).refunded()).isZero();
    }

    @Test
    void anInstantExchangeNotReturnedInTimeHasItsHoldTakenAndEnds() {
        String medium = fixtures.products.variant("GLOVE", "M", "40.00", 5);
        String large = fixtures.products.variant("GLOVE", "L", "40.00", 2);
        OrderView order = fixtures.delivered(medium, 1);
        ReturnView approved = returns.request(request(order, ReturnOutcome.INSTANT_EXCHANGE, large));
        jdbc.sql("update returns.returns set hold_deadline = now() - interval '1 minute' where id = ?")
                .param(approved.id().id())
                .update();

        sweeper.sweep();

        ReturnView ended = returns.find(approved.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(ReturnStatus.CANCELLED);
        assertThat(ended.steps().getLast().actor()).isEqualTo("policy:instant-exchange-deadline");
        assertThat(payments.transactionsOf(order.id().id()))
                .extracting(PaymentTransaction::kind, PaymentTransaction::status)
                .contains(tuple(PaymentTransaction.Kind.HOLD_CAPTURE, PaymentTransaction.Status.SUCCEEDED));
        assertThat(quantities(order).returnRequested()).isZero();
        assertThat(events.of(ReturnCancelled.class, approved.id())).hasSize(1);
    }

    @Test
    void exchangeStockHeldTooLongIsReleasedAndReservedAgainWhenTheReturnArrives() {
        String medium = fixtures.products.variant("SKIRT", "M", "40.00", 5);
        String large = fixtures.products.variant("SKIRT", "L", "40.00", 1);
        OrderView order = fixtures.delivered(medium, 1);
        ReturnView approved = returns.request(request(order, ReturnOutcome.EXCHANGE, large));
        jdbc.sql("update returns.returns set exchange_reserved_until = now() - interval '1 minute' where id = ?")
                .param(approved.id().id())
                .update();

        sweeper.sweep();

        assertThat(stockAt("MAIN", large).reserved()).isZero();
        ReturnView resolved = returns.resolve(receiveAll(approved, true).id(), "agent:ann");
        assertThat(resolved.exchangeOrderNumber()).isNotNull();
        assertThat(stockAt("MAIN", large).reserved()).isEqualTo(1);
    }

    @Test
    void inStoreReturnIsReceivedAndResolvedAtTheCounterInOneCall() {
        String store = "STORE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        inventory.defineLocation(new Location(store, "Leeds store", Location.Kind.STORE, "GB", 500));
        String sku = fixtures.products.variant("BAG", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);

        var created = api.post(
                "/api/v1/returns",
                """
                {"orderId":"%s","channel":"STORE","method":"IN_STORE","locationCode":"%s","requestedBy":"store:%s",
                 "items":[{"orderLineId":"%s","quantity":1,"reasonCode":"changed-mind","outcome":"REFUND"}]}
                """
                        .formatted(
                                order.id(),
                                store,
                                store,
                                order.lines().getFirst().id()));
        assertThat(created.status()).isEqualTo(201);
        JsonNode request = created.json();
        assertThat(request.get("status").asString()).isEqualTo("APPROVED");

        var done = api.post(
                "/api/v1/returns/" + request.get("id").asString() + "/receive",
                """
                {"resolve":true,"items":[{"itemId":"%s","quantity":1,"condition":"OPENED","resellable":true}]}"""
                        .formatted(request.get("items").get(0).get("id").asString()));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(done.json().get("refunded").get("amount").asString()).isEqualTo("40.00");
        assertThat(stockAt(store, sku).onHand()).isEqualTo(1);
        assertThat(done.json().get("steps").get(1).get("actor").asString())
                .isEqualTo("store:" + store + " via api-key:returns tests");
    }

    @Test
    void aRefusedRefundWaitsForAPersonWhoRefundsByHand() {
        String sku = fixtures.products.variant("LAMP", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        provider.refusingRefundsFor.add(order.number());

        ReturnView received = receiveAll(returns.request(request(order, ReturnOutcome.REFUND, null)), false);
        ReturnView failed = returns.resolve(received.id(), "agent:ann");

        assertThat(failed.status()).isEqualTo(ReturnStatus.MANUAL_REFUND_REQUIRED);
        assertThat(failed.steps().getLast().note()).contains("card expired");
        assertThat(payments.transactionsOf(order.id().id()))
                .extracting(PaymentTransaction::kind, PaymentTransaction::status)
                .contains(tuple(PaymentTransaction.Kind.REFUND, PaymentTransaction.Status.MANUAL_ACTION_REQUIRED));
        assertThat(events.of(ManualRefundRequired.class, failed.id()))
                .singleElement()
                .satisfies(event -> assertThat(event.amount()).isEqualTo(money("40.00")));
        assertThat(quantities(order).refunded()).isZero();
        assertThatThrownBy(() -> returns.resolve(failed.id(), "agent:bob"))
                .isInstanceOf(ReturnStepNotAllowed.class)
                .hasMessageContaining("is MANUAL_REFUND_REQUIRED");

        ReturnView resolved = returns.markRefundedByHand(failed.id(), "agent:ann", "bank transfer 2026-12-01/77");

        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(resolved.steps().getLast().note()).isEqualTo("Refunded by hand: bank transfer 2026-12-01/77");
        assertThat(quantities(order).refunded()).isEqualTo(1);
        assertThat(events.of(ReturnResolved.class, failed.id()).getFirst().refunded())
                .isEqualTo(money("40.00"));
    }

    @Test
    void aRefundDecidedBeforeACrashIsExecutedLaterOnceUnderItsKey() {
        String sku = fixtures.products.variant("MUG", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        ReturnView received = receiveAll(returns.request(request(order, ReturnOutcome.REFUND, null)), false);
        refundDecidedBeforeACrash(received);
        String key = "return:" + received.id() + ":refund";

        sweeper.sweep();

        ReturnView resolved = returns.find(received.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(resolved.refunded()).isEqualTo(money("40.00"));
        assertThat(provider.refundCalls).containsOnlyOnce(key);
        returns.executeRefund(received.id().id());
        assertThat(provider.refundCalls).containsOnlyOnce(key);
        assertThat(payments.transactionsOf(order.id().id()))
                .filteredOn(t -> t.kind() == PaymentTransaction.Kind.REFUND)
                .singleElement()
                .satisfies(t -> assertThat(t.idempotencyKey()).isEqualTo(key));
        assertThat(quantities(order).refunded()).isEqualTo(1);
    }

    @Test
    void resolvingAgainAReturnWhoseRefundWasCutOffFinishesThatRefund() {
        String sku = fixtures.products.variant("MUG", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        ReturnView received = receiveAll(returns.request(request(order, ReturnOutcome.REFUND, null)), false);
        // The caller, who got no answer, sends its resolve again.
        refundDecidedBeforeACrash(received);
        String key = "return:" + received.id() + ":refund";

        ReturnView resolved = returns.resolve(received.id(), "api:retailer");

        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(resolved.refunded()).isEqualTo(money("40.00"));
        assertThat(provider.refundCalls).containsOnlyOnce(key);
        assertThatThrownBy(() -> returns.resolve(received.id(), "api:retailer"))
                .isInstanceOf(ReturnStepNotAllowed.class);
        assertThat(provider.refundCalls).containsOnlyOnce(key);
    }

    /** What the resolution's first transaction leaves when the process dies before calling the provider. */
    private void refundDecidedBeforeACrash(ReturnView received) {
        jdbc.sql(
                        """
                        update returns.returns set status = 'REFUND_PENDING', refund_amount = 40.00,
                            store_credit_amount = 0, bonus_amount = 0, updated_at = now() - interval '1 hour'
                        where id = ?
                        """)
                .param(received.id().id())
                .update();
    }

    @Test
    void aGiftReturnCreditsTheRecipientAndNeverRefundsTheBuyer() {
        String sku = fixtures.products.variant("VASE", "ONE", "40.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        RequestReturn asRefund = gift(request(order, ReturnOutcome.REFUND, null));

        assertThatThrownBy(() -> returns.request(asRefund))
                .isInstanceOf(ReturnRefused.class)
                .satisfies(e -> assertThat(((ReturnRefused) e).rule()).isEqualTo("gift-outcome"));

        ReturnView resolved = returns.resolve(
                receiveAll(returns.request(gift(request(order, ReturnOutcome.STORE_CREDIT, null))), false)
                        .id(),
                "agent:ann");
        ReturnResolved event = events.of(ReturnResolved.class, resolved.id()).getFirst();
        assertThat(event.giftRecipientEmail()).isEqualTo("friend@example.org");
        assertThat(event.storeCredit()).isEqualTo(money("40.00"));
        assertThat(event.refunded()).isEqualTo(money("0.00"));
    }

    private static RequestReturn gift(RequestReturn request) {
        return new RequestReturn(
                request.orderId(),
                request.channel(),
                request.method(),
                request.locationCode(),
                request.items(),
                true,
                "friend@example.org",
                request.actor());
    }

    static RequestReturn request(OrderView order, ReturnOutcome outcome, String exchangeSku) {
        return new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(),
                        order.lines().getFirst().quantities().delivered(),
                        "changed-mind",
                        null,
                        outcome,
                        exchangeSku,
                        null,
                        List.of())),
                false,
                null,
                "customer");
    }

    private ReturnView receiveAll(ReturnView request, boolean resellable) {
        return returns.receive(
                request.id(),
                request.items().stream()
                        .map(item -> new ReceivedItem(item.id(), item.quantity(), ItemCondition.NEW, resellable, null))
                        .toList(),
                "warehouse:sam");
    }

    private LineQuantities quantities(OrderView order) {
        return fixtures.reload(order).lines().getFirst().quantities();
    }

    private StockLevel stockAt(String location, String sku) {
        return inventory.stockOf(sku).stream()
                .filter(level -> level.locationCode().equals(location))
                .findFirst()
                .orElseThrow();
    }

    private static org.aftercart.shared.Money money(String amount) {
        return org.aftercart.shared.Money.of(amount, "EUR");
    }
}
