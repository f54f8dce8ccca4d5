package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.inventory.StockLevel;
import org.aftercart.orders.LineQuantities;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.SalesChannel;
import org.aftercart.payments.PaymentTransaction;
import org.aftercart.payments.Payments;
import org.aftercart.platform.ApiKeys;
import org.aftercart.shared.Money;
import org.aftercart.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An exchange at a store's counter: the replacement comes off that store's shelf and leaves with
 * the customer. Checked against the real database: the store's stock before and after, the
 * replacement order's channel, location and buckets, no fulfilment order, the money, and the one
 * message the customer gets.
 */
@ReturnsIntegrationTest
class StoreExchangeIntegrationTests {

    @Autowired
    Returns returns;

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiKeys apiKeys;

    @LocalServerPort
    int port;

    @Autowired
    ReturnsTestConfiguration.RecordedEvents events;

    @Autowired
    ReturnsTestConfiguration.ScriptedProvider provider;

    ReturnFixtures fixtures;
    String store;

    @BeforeEach
    void setUp() {
        fixtures = new ReturnFixtures(catalog, inventory, orders);
        store = "STORE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        inventory.defineLocation(new Location(store, "Leeds store", Location.Kind.STORE, "GB", 500));
    }

    @Test
    void theReplacementLeavesTheStoresShelfWithTheCustomerAndNothingShips() {
        String medium = fixtures.products.variant("JACKET", "M", "40.00", 5);
        String large = fixtures.products.variant("JACKET", "L", "40.00", 10);
        fixtures.products.stock(store, large, 2);
        OrderView order = fixtures.delivered(medium, 1);

        ReturnView approved = returns.request(atTheCounter(order, large));

        assertThat(approved.status()).isEqualTo(ReturnStatus.APPROVED);
        assertThat(approved.exchangeDelivery()).isEqualTo(ExchangeDelivery.FROM_STORE_SHELF);
        assertThat(stockAt(store, large)).isEqualTo(new StockLevel(store, large, 2, 1));
        assertThat(stockAt("MAIN", large)).isEqualTo(new StockLevel("MAIN", large, 10, 0));

        ReturnView resolved = returns.resolve(receiveResellable(approved).id(), "store:" + store);

        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        OrderView replacement =
                orders.findByNumber(resolved.exchangeOrderNumber()).orElseThrow();
        assertThat(replacement.channel()).isEqualTo(SalesChannel.STORE);
        assertThat(replacement.handedOverAt()).isEqualTo(store);
        assertThat(replacement.externalRef()).isEqualTo("return:" + resolved.number());
        assertThat(replacement.shipTo()).isNull();
        assertThat(replacement.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(replacement.changeable()).isFalse();
        assertThat(replacement.lines())
                .extracting(OrderView.Line::sku, OrderView.Line::quantities)
                .containsExactly(tuple(large, new LineQuantities(1, 0, 1, 1, 1, 0, 0, 0)));
        assertThat(replacement.total()).isEqualTo(money("0.00"));
        assertThat(replacement.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(replacement.email()).isEqualTo(order.email());

        // One unit left the store's shelf, the returned one went back on it; the warehouse is untouched.
        assertThat(stockAt(store, large)).isEqualTo(new StockLevel(store, large, 1, 0));
        assertThat(stockAt(store, medium)).isEqualTo(new StockLevel(store, medium, 1, 0));
        assertThat(stockAt("MAIN", large)).isEqualTo(new StockLevel("MAIN", large, 10, 0));
        assertThat(inventory.reservationsOf(replacement.id().id())).isEmpty();
        assertThat(fulfillment.ofOrder(replacement.id()))
                .as("no fulfilment order is released to a warehouse")
                .isEmpty();
        assertThat(fulfillment.parcelsOf(replacement.id())).isEmpty();
        assertThat(orders.journal(replacement.id())).anySatisfy(entry -> assertThat(entry.description())
                .contains("Handed over at the counter of " + store));

        ReturnResolved event = events.of(ReturnResolved.class, resolved.id()).getFirst();
        assertThat(event.exchangeOrderNumber()).isEqualTo(replacement.number());
        assertThat(event.exchangeHandedOverAt()).isEqualTo(store);
        assertThat(event.refunded()).isEqualTo(money("0.00"));
        assertThat(resolved.steps()).anySatisfy(step -> assertThat(step.note())
                .isEqualTo("Replacement order " + replacement.number() + " handed over from the shelf at " + store));

        assertThat(messageFact("return-resolved:" + resolved.id(), "exchangeHandedOverAt"))
                .as("the return's message says the customer took the replacement with them")
                .isEqualTo(store);
        assertThat(messagesOfOrder(replacement))
                .as("no order confirmation nor shipping news for an order handed over at the counter")
                .isEmpty();
    }

    @Test
    void aStoreWithoutTheReplacementOnItsShelfIsRefusedAndNothingIsWritten() {
        String medium = fixtures.products.variant("BOOT", "42", "90.00", 5);
        String larger = fixtures.products.variant("BOOT", "43", "90.00", 8);
        fixtures.products.stock(store, larger, 0);
        OrderView order = fixtures.delivered(medium, 1);

        assertThatThrownBy(() -> returns.request(atTheCounter(order, larger)))
                .isInstanceOfSatisfying(ReturnRefused.class, refused -> {
                    assertThat(refused.rule()).isEqualTo("exchange-not-on-shelf");
                    assertThat(refused.getBody().getDetail())
                            .startsWith(store + " has 0 × " + larger + " on its shelf, not 1");
                    assertThat(refused.getBody().getProperties()).containsEntry("sku", larger);
                });

        assertThat(returns.ofOrder(order.id())).isEmpty();
        assertThat(fixtures.reload(order).lines().getFirst().quantities().returnRequested())
                .isZero();
        assertThat(stockAt("MAIN", larger))
                .as("the warehouse's stock is not taken instead")
                .isEqualTo(new StockLevel("MAIN", larger, 8, 0));
    }

    @Test
    void aDearerReplacementIsRefusedAtTheCounterWithTheDifferenceNamed() {
        String plain = fixtures.products.variant("SCARF", "PLAIN", "30.00", 5);
        String silk = fixtures.products.variant("SCARF", "SILK", "45.00", 0);
        fixtures.products.stock(store, silk, 3);
        OrderView order = fixtures.delivered(plain, 1);

        assertThatThrownBy(() -> returns.request(atTheCounter(order, silk)))
                .isInstanceOfSatisfying(ReturnRefused.class, refused -> {
                    assertThat(refused.rule()).isEqualTo("exchange-costs-more");
                    assertThat(refused.getBody().getDetail())
                            .contains("15.00 EUR more than the items given back (30.00 EUR)");
                });

        assertThat(returns.ofOrder(order.id())).isEmpty();
        assertThat(stockAt(store, silk)).isEqualTo(new StockLevel(store, silk, 3, 0));
    }

    @Test
    void aCheaperReplacementRefundsTheDifferenceExactlyOnce() {
        String wool = fixtures.products.variant("HAT", "WOOL", "40.00", 5);
        String cotton = fixtures.products.variant("HAT", "COTTON", "25.00", 0);
        fixtures.products.stock(store, cotton, 1);
        OrderView order = fixtures.delivered(wool, 1);

        ReturnView approved = returns.request(atTheCounter(order, cotton));
        ReturnView resolved = returns.resolve(receiveResellable(approved).id(), "store:" + store);

        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(resolved.refunded()).isEqualTo(money("15.00"));
        OrderView replacement =
                orders.findByNumber(resolved.exchangeOrderNumber()).orElseThrow();
        assertThat(replacement.total()).isEqualTo(money("0.00"));
        assertThat(replacement.discount()).isEqualTo(money("25.00"));
        assertThat(stockAt(store, cotton)).isEqualTo(new StockLevel(store, cotton, 0, 0));

        assertThatThrownBy(() -> returns.resolve(resolved.id(), "store:" + store))
                .isInstanceOf(ReturnStepNotAllowed.class);
        assertThat(payments.transactionsOf(order.id().id()))
                .filteredOn(transaction -> transaction.kind() == PaymentTransaction.Kind.REFUND)
                .extracting(PaymentTransaction::amount, PaymentTransaction::idempotencyKey)
                .containsExactly(tuple(money("15.00"), "return:" + resolved.id() + ":refund"));
        assertThat(provider.refundCalls).containsOnlyOnce("return:" + resolved.id() + ":refund");
        assertThat(events.of(ReturnResolved.class, resolved.id())).hasSize(1);
    }

    @Test
    void aReplacementWhosePriceRoseBeforeResolutionFallsBackInsteadOfLeavingWithMoneyDue() {
        String wool = fixtures.products.variant("CAP", "WOOL", "20.00", 5);
        String cotton = fixtures.products.variant("CAP", "COTTON", "20.00", 0);
        fixtures.products.stock(store, cotton, 1);
        OrderView order = fixtures.delivered(wool, 1);
        ReturnView approved = returns.request(atTheCounter(order, cotton));
        String product = cotton.substring(0, cotton.length() - "-COTTON".length());
        catalog.upsert(new Catalog.VariantDescription(
                cotton, product, "Product CAP", "COTTON", "test", Money.of("26.00", "EUR")));

        ReturnView resolved = returns.resolve(receiveResellable(approved).id(), "store:" + store);

        assertThat(resolved.exchangeOrderNumber()).isNull();
        assertThat(resolved.items()).singleElement().satisfies(item -> {
            assertThat(item.outcome()).isEqualTo(ReturnOutcome.STORE_CREDIT);
            assertThat(item.outcomeNote())
                    .isEqualTo(cotton + " now costs more than the item given back: you get store credit instead");
        });
        assertThat(resolved.storeCredit()).isEqualTo(money("20.00"));
        assertThat(stockAt(store, cotton))
                .as("the shelf's unit is given back")
                .isEqualTo(new StockLevel(store, cotton, 1, 0));
    }

    @Test
    void theApiAsksForTheReplacementFromTheStoresShelf() {
        ApiClient api = ApiClient.withNewKey(apiKeys, port, "store exchange tests", "ak_store_exchange");
        String medium = fixtures.products.variant("BELT", "M", "30.00", 5);
        String large = fixtures.products.variant("BELT", "L", "30.00", 6);
        fixtures.products.stock(store, large, 1);
        OrderView order = fixtures.delivered(medium, 1);

        var created = api.post(
                "/api/v1/returns",
                """
                {"orderId":"%s","channel":"STORE","method":"IN_STORE","locationCode":"%s","requestedBy":"store:%s",
                 "exchangeDelivery":"FROM_STORE_SHELF",
                 "items":[{"orderLineId":"%s","quantity":1,"reasonCode":"too-small","outcome":"EXCHANGE","exchangeSku":"%s"}]}
                """
                        .formatted(
                                order.id(),
                                store,
                                store,
                                order.lines().getFirst().id(),
                                large));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("exchangeDelivery").asString()).isEqualTo("FROM_STORE_SHELF");
        assertThat(stockAt(store, large).reserved()).isEqualTo(1);
        assertThat(stockAt("MAIN", large).reserved()).isZero();
    }

    @Test
    void theCustomerMayStillHaveTheReplacementShippedFromElsewhere() {
        String medium = fixtures.products.variant("COAT", "M", "80.00", 5);
        String large = fixtures.products.variant("COAT", "L", "80.00", 4);
        OrderView order = fixtures.delivered(medium, 1);
        RequestReturn shipped = atTheCounter(order, large);

        ReturnView approved = returns.request(new RequestReturn(
                shipped.orderId(),
                shipped.channel(),
                shipped.method(),
                shipped.locationCode(),
                shipped.items(),
                false,
                null,
                shipped.actor(),
                ExchangeDelivery.SHIPPED));
        ReturnView resolved = returns.resolve(receiveResellable(approved).id(), "store:" + store);

        OrderView replacement =
                orders.findByNumber(resolved.exchangeOrderNumber()).orElseThrow();
        assertThat(replacement.handedOverAt()).isNull();
        assertThat(replacement.channel()).isEqualTo(SalesChannel.WEB);
        assertThat(replacement.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(fulfillment.ofOrder(replacement.id())).singleElement().satisfies(fulfilmentOrder -> assertThat(
                        fulfilmentOrder.locationCode())
                .isEqualTo("MAIN"));
        assertThat(events.of(ReturnResolved.class, resolved.id()).getFirst().exchangeHandedOverAt())
                .isNull();
    }

    @Test
    void onlyAnInStoreReturnTakesItsReplacementFromAShelf() {
        String medium = fixtures.products.variant("GLOVE", "M", "20.00", 5);
        String large = fixtures.products.variant("GLOVE", "L", "20.00", 5);
        OrderView order = fixtures.delivered(medium, 1);
        RequestReturn mailed = ReturnJourneyIntegrationTests.request(order, ReturnOutcome.EXCHANGE, large);

        assertThatThrownBy(() -> returns.request(new RequestReturn(
                        mailed.orderId(),
                        mailed.channel(),
                        mailed.method(),
                        null,
                        mailed.items(),
                        false,
                        null,
                        mailed.actor(),
                        ExchangeDelivery.FROM_STORE_SHELF)))
                .isInstanceOfSatisfying(ReturnRefused.class, refused -> assertThat(refused.rule())
                        .isEqualTo("store-shelf-in-store-only"));
    }

    private RequestReturn atTheCounter(OrderView order, String exchangeSku) {
        return new RequestReturn(
                order.id(),
                ReturnChannel.STORE,
                ReturnMethod.IN_STORE,
                store,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(),
                        1,
                        "too-small",
                        null,
                        ReturnOutcome.EXCHANGE,
                        exchangeSku,
                        null,
                        List.of())),
                false,
                null,
                "store:" + store,
                ExchangeDelivery.FROM_STORE_SHELF);
    }

    private ReturnView receiveResellable(ReturnView request) {
        return returns.receive(
                request.id(),
                request.items().stream()
                        .map(item -> new ReceivedItem(item.id(), item.quantity(), ItemCondition.NEW, true, null))
                        .toList(),
                "store:" + store);
    }

    private StockLevel stockAt(String location, String sku) {
        return inventory.stockOf(sku).stream()
                .filter(level -> level.locationCode().equals(location))
                .findFirst()
                .orElseThrow();
    }

    private String messageFact(String dedupeKey, String fact) {
        return jdbc.sql("select facts ->> ? from notifications.messages where dedupe_key = ?")
                .params(fact, dedupeKey)
                .query(String.class)
                .single();
    }

    private List<String> messagesOfOrder(OrderView order) {
        return jdbc.sql("select kind from notifications.messages where order_id = ?")
                .param(order.id().id())
                .query(String.class)
                .list();
    }

    private static Money money(String amount) {
        return Money.of(amount, "EUR");
    }
}
