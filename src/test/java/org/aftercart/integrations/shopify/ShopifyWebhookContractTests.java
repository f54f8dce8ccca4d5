package org.aftercart.integrations.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.Customers;
import org.aftercart.orders.ChangeKind;
import org.aftercart.orders.JournalEntry;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.shared.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook endpoint against Shopify's own payloads (order.json, fulfillment.json), on the real
 * application and the embedded PostgreSQL: signed deliveries in, orders, catalog entries, receipts
 * and events out, with the after-commit processing awaited.
 */
@SpringBootTest(
        properties = {
            "aftercart.shopify.webhook-secret=" + ShopifyWebhookContractTests.SECRET,
            "aftercart.shopify.retry-interval=PT1H"
        })
@AutoConfigureMockMvc
class ShopifyWebhookContractTests {

    static final String SECRET = "shpss_contract-test-secret";

    private static final ShopifySignature SIGNER = new ShopifySignature(SECRET);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Customers customers;

    @Autowired
    ShopifyWebhookProcessor processor;

    @Autowired
    org.aftercart.fulfillment.Fulfillment fulfillment;

    @Test
    void ordersCreateTakesTheOrderWithItsLinesTotalsCustomerAndAddress() {
        long shopifyId = newShopifyId();
        String newSku = "IPOD2008GREEN-" + shopifyId;
        ObjectNode order = ShopifyFixtures.order().put("id", shopifyId);
        ((ObjectNode) order.get("line_items").get(0)).put("sku", newSku);

        String webhookId = deliver("orders/create", order);

        Map<String, Object> receipt = awaitProcessed(webhookId);
        assertThat(receipt.get("status")).isEqualTo("PROCESSED");
        OrderView placed = order(shopifyId);
        assertThat(receipt.get("order_id")).isEqualTo(placed.id().id());
        assertThat(placed.channel()).isEqualTo(SalesChannel.WEB);
        assertThat(placed.externalRef()).isEqualTo(Long.toString(shopifyId));
        assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(placed.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(placed.lines())
                .extracting(
                        OrderView.Line::sku,
                        line -> line.quantities().ordered(),
                        OrderView.Line::unitPrice,
                        OrderView.Line::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(newSku, 1, usd("199.00"), "IPod Nano - 8gb - green"),
                        org.assertj.core.groups.Tuple.tuple("IPOD2008RED", 1, usd("199.00"), "IPod Nano - 8gb - red"),
                        org.assertj.core.groups.Tuple.tuple(
                                "IPOD2008BLACK", 1, usd("199.00"), "IPod Nano - 8gb - black"));
        assertThat(placed.subtotal()).isEqualTo(usd("597.00"));
        assertThat(placed.shipping()).isEqualTo(usd("0.00"));
        assertThat(placed.tax()).isEqualTo(usd("11.94"));
        assertThat(placed.discount()).isEqualTo(usd("199.00"));
        assertThat(placed.total())
                .as("the order total is Shopify's total_price")
                .isEqualTo(usd(order.get("total_price").asString()));
        assertThat(placed.email()).isEqualTo("bob.norman@hostmail.com");
        assertThat(placed.customerName()).isEqualTo("Bob Norman");
        assertThat(placed.customerId()).isNotNull();
        assertThat(customers.find(org.aftercart.customers.CustomerId.of(placed.customerId())))
                .hasValueSatisfying(customer -> {
                    assertThat(customer.email()).isEqualTo("bob.norman@hostmail.com");
                    assertThat(customer.phone()).isNotBlank();
                });
        assertThat(placed.shipTo())
                .isEqualTo(new ShippingAddress(
                        "Bob Norman", "Chestnut Street 92", null, "Louisville", "40202", "KY", "US"));
        assertThat(catalog.findBySku(newSku)).hasValueSatisfying(variant -> {
            assertThat(variant.productTitle()).isEqualTo("IPod Nano - 8gb");
            assertThat(variant.optionValues()).isEqualTo("green");
            assertThat(variant.price()).isEqualTo(usd("199.00"));
        });
        assertThat((String) receipt.get("outcome"))
                .contains("taken as order " + placed.number())
                .contains("added SKU " + newSku + " to the catalog")
                .contains("booked as discount");
        assertThat(orders.journal(placed.id()))
                .extracting(JournalEntry::kind, JournalEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.PLACED, "channel:web"));
    }

    @Test
    void storesTheRawPayloadAndKeepsSixtyFourBitIdsExact() {
        long shopifyId = 820982911946154508L + ThreadLocalRandom.current().nextLong(1_000_000);
        byte[] body = ShopifyFixtures.bytes(ShopifyFixtures.order().put("id", shopifyId));

        String webhookId = deliver("orders/create", body);

        Map<String, Object> receipt = awaitProcessed(webhookId);
        assertThat(receipt.get("payload")).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(receipt.get("shop_domain")).isEqualTo("aftercart-test.myshopify.com");
        assertThat(order(shopifyId).externalRef()).isEqualTo(Long.toString(shopifyId));
    }

    @Test
    void theSameWebhookIdTwiceMakesOneOrder() {
        long shopifyId = newShopifyId();
        byte[] body = ShopifyFixtures.bytes(ShopifyFixtures.order().put("id", shopifyId));
        String webhookId = UUID.randomUUID().toString();

        assertThat(post("orders/create", body, webhookId, sign(body)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("accepted");
        assertThat(post("orders/create", body, webhookId, sign(body)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("duplicate");

        awaitProcessed(webhookId);
        assertThat(receiptCount(webhookId)).isOne();
        assertThat(jdbc.sql("select count(*) from orders.orders where external_ref = ?")
                        .param(Long.toString(shopifyId))
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void anotherDeliveryOfTheSameOrderDoesNotTakeItTwice() {
        long shopifyId = newShopifyId();
        ObjectNode order = ShopifyFixtures.order().put("id", shopifyId);

        awaitProcessed(deliver("orders/create", order));
        Map<String, Object> second = awaitProcessed(deliver("orders/create", order));

        assertThat(second.get("status")).isEqualTo("PROCESSED");
        assertThat((String) second.get("outcome")).contains("is already order");
        assertThat(jdbc.sql("select count(*) from orders.orders where external_ref = ?")
                        .param(Long.toString(shopifyId))
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void deliveriesRacingForANewOrderMakeOneOrder() {
        long shopifyId = newShopifyId();
        ObjectNode order = ShopifyFixtures.order().put("id", shopifyId);
        ObjectNode paid =
                order.deepCopy().put("financial_status", "paid").put("updated_at", "2008-01-10T11:05:00-05:00");

        String created = deliver("orders/create", order);
        String updated = deliver("orders/updated", paid);
        String paidToo = deliver("orders/paid", paid);

        assertThat(List.of(awaitProcessed(created), awaitProcessed(updated), awaitProcessed(paidToo)))
                .extracting(row -> row.get("status"))
                .containsOnly("PROCESSED");
        assertThat(jdbc.sql("select count(*) from orders.orders where external_ref = ?")
                        .param(Long.toString(shopifyId))
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(order(shopifyId).paymentStatus()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void aWrongSignatureIsRefusedAndNothingIsStored() {
        byte[] body = ShopifyFixtures.bytes(ShopifyFixtures.order().put("id", newShopifyId()));
        String webhookId = UUID.randomUUID().toString();
        String signedWithAnotherSecret = new ShopifySignature("not-the-secret").sign(body);

        MvcTestResult result = post("orders/create", body, webhookId, signedWithAnotherSecret);

        assertThat(result)
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Webhook signature does not match");
        assertThat(receiptCount(webhookId)).isZero();
    }

    @Test
    void aSignatureOfAnotherBodyIsRefused() {
        byte[] body = ShopifyFixtures.bytes(ShopifyFixtures.order().put("id", newShopifyId()));
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("\"199.00\"", "\"1.00\"")
                .getBytes(StandardCharsets.UTF_8);
        String webhookId = UUID.randomUUID().toString();

        assertThat(post("orders/create", tampered, webhookId, sign(body))).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(receiptCount(webhookId)).isZero();
    }

    @Test
    void aMissingSignatureIsRefused() {
        byte[] body = ShopifyFixtures.bytes(ShopifyFixtures.order().put("id", newShopifyId()));
        String webhookId = UUID.randomUUID().toString();

        MvcTestResult result = post("orders/create", body, webhookId, null);

        assertThat(result)
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("X-Shopify-Hmac-Sha256");
        assertThat(receiptCount(webhookId)).isZero();
    }

    @Test
    void aMissingWebhookIdIsABadRequest() {
        byte[] body = ShopifyFixtures.bytes(ShopifyFixtures.order().put("id", newShopifyId()));

        MvcTestResult result = post("orders/create", body, null, sign(body));

        assertThat(result)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("X-Shopify-Webhook-Id");
    }

    @Test
    void malformedJsonWithAValidSignatureIsABadRequestAndNothingIsStored() {
        byte[] body = "{\"id\": 450789469, \"line_items\": [".getBytes(StandardCharsets.UTF_8);
        String webhookId = UUID.randomUUID().toString();

        MvcTestResult result = post("orders/create", body, webhookId, sign(body));

        assertThat(result)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("not valid JSON");
        assertThat(receiptCount(webhookId)).isZero();
    }

    @Test
    void jsonOfTheWrongShapeIsABadRequestAndNothingIsStored() {
        byte[] wrapped =
                ShopifyFixtures.bytes(ShopifyFixtures.JSON.createObjectNode().set("order", ShopifyFixtures.order()));
        String webhookId = UUID.randomUUID().toString();

        MvcTestResult result = post("orders/create", wrapped, webhookId, sign(wrapped));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("not wrapped");
        assertThat(receiptCount(webhookId)).isZero();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        byte[] body = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        String webhookId = UUID.randomUUID().toString();

        MvcTestResult result = post("orders/create", body, webhookId, sign(body));

        assertThat(result)
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(receiptCount(webhookId)).isZero();
    }

    @Test
    void anUnknownTopicIsAnsweredAndIgnored() {
        byte[] body = "{\"id\": 1, \"title\": \"IPod Nano\"}".getBytes(StandardCharsets.UTF_8);
        String webhookId = UUID.randomUUID().toString();

        assertThat(post("products/update", body, webhookId, sign(body)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ignored");
        assertThat(receiptCount(webhookId)).isZero();
    }

    @Test
    void ordersPaidRecordsThePayment() {
        long shopifyId = newShopifyId();
        ObjectNode order = ShopifyFixtures.order().put("id", shopifyId);
        awaitProcessed(deliver("orders/create", order));

        Map<String, Object> receipt = awaitProcessed(deliver("orders/paid", order));

        assertThat(receipt.get("status")).isEqualTo("PROCESSED");
        assertThat((String) receipt.get("outcome")).contains("payment status AUTHORIZED → PAID");
        OrderView paid = order(shopifyId);
        assertThat(paid.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(orders.journal(paid.id()))
                .filteredOn(entry -> entry.kind() == ChangeKind.PAYMENT_UPDATED)
                .singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("shopify"));
    }

    @Test
    void ordersPaidForAnOrderNeverSeenTakesItPaid() {
        long shopifyId = newShopifyId();

        Map<String, Object> receipt = awaitProcessed(deliver(
                "orders/paid", ShopifyFixtures.order().put("id", shopifyId).put("financial_status", "paid")));

        assertThat(receipt.get("status")).isEqualTo("PROCESSED");
        assertThat((String) receipt.get("outcome")).contains("was not known yet");
        assertThat(order(shopifyId).paymentStatus()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void ordersCancelledCancelsTheOrder() {
        long shopifyId = newShopifyId();
        ObjectNode order = ShopifyFixtures.order().put("id", shopifyId);
        awaitProcessed(deliver("orders/create", order));

        Map<String, Object> receipt = awaitProcessed(deliver(
                "orders/cancelled",
                order.deepCopy()
                        .put("cancelled_at", "2008-01-10T12:00:00-05:00")
                        .put("cancel_reason", "customer")
                        .put("financial_status", "voided")
                        .put("updated_at", "2008-01-10T12:00:00-05:00")));

        assertThat(receipt.get("status")).isEqualTo("PROCESSED");
        OrderView cancelled = order(shopifyId);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.paymentStatus()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(cancelled.lines())
                .allSatisfy(line -> assertThat(line.quantities().active()).isZero());
        assertThat(orders.journal(cancelled.id()))
                .filteredOn(entry -> entry.kind() == ChangeKind.CANCELLED)
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.description()).contains("Cancelled in Shopify (customer)");
                    assertThat(entry.priceDifference()).isEqualTo(usd("-409.94"));
                });
    }

    @Test
    void aCancellationAfterPackingStartedIsRecordedAsRefused() {
        long shopifyId = newShopifyId();
        ObjectNode order = ShopifyFixtures.order().put("id", shopifyId);
        awaitProcessed(deliver("orders/create", order));
        orders.startPacking(order(shopifyId).id(), "warehouse");

        Map<String, Object> receipt = awaitProcessed(
                deliver("orders/cancelled", order.deepCopy().put("cancelled_at", "2008-01-10T12:00:00-05:00")));

        assertThat(receipt.get("status")).isEqualTo("REFUSED");
        assertThat((String) receipt.get("failure")).contains("cancellation").contains("packing started");
        assertThat(receipt.get("processed_at")).isNotNull();
        assertThat(order(shopifyId).status()).isEqualTo(OrderStatus.IN_FULFILMENT);
    }

    @Test
    void ordersUpdatedAppliesTheNewAddressAndQuantities() {
        long shopifyId = newShopifyId();
        ObjectNode order = ShopifyFixtures.order().put("id", shopifyId);
        awaitProcessed(deliver("orders/create", order));
        ObjectNode updated = order.deepCopy().put("updated_at", "2008-01-11T09:00:00-05:00");
        ((ObjectNode) updated.get("shipping_address"))
                .put("address1", "Main Street 1")
                .put("zip", "40203");
        ((ObjectNode) updated.get("line_items").get(0)).put("current_quantity", 2);
        ((ObjectNode) updated.get("line_items").get(2)).put("current_quantity", 0);

        Map<String, Object> receipt = awaitProcessed(deliver("orders/updated", updated));

        assertThat(receipt.get("status")).isEqualTo("PROCESSED");
        OrderView changed = order(shopifyId);
        assertThat(changed.shipTo())
                .isEqualTo(new ShippingAddress("Bob Norman", "Main Street 1", null, "Louisville", "40203", "KY", "US"));
        assertThat(changed.lines())
                .extracting(line -> line.quantities().active())
                .containsExactly(2, 1, 0);
        assertThat(orders.journal(changed.id()))
                .filteredOn(entry -> entry.actor().equals("shopify"))
                .extracting(JournalEntry::kind)
                .containsExactly(
                        ChangeKind.SHIPPING_ADDRESS_CHANGED, ChangeKind.QUANTITY_CHANGED, ChangeKind.ITEM_REMOVED);

        ObjectNode older = order.deepCopy().put("updated_at", "2008-01-10T10:00:00-05:00");
        ((ObjectNode) older.get("shipping_address")).put("address1", "Old Street 9");
        Map<String, Object> stale = awaitProcessed(deliver("orders/updated", older));

        assertThat((String) stale.get("outcome")).contains("older than the one already applied");
        assertThat(order(shopifyId).shipTo().line1()).isEqualTo("Main Street 1");
    }

    @Test
    void ordersUpdatedRecordsWhatTheOrderNoLongerAllows() {
        long shopifyId = newShopifyId();
        ObjectNode order = ShopifyFixtures.order().put("id", shopifyId);
        awaitProcessed(deliver("orders/create", order));
        orders.startPacking(order(shopifyId).id(), "warehouse");
        ObjectNode updated = order.deepCopy().put("financial_status", "paid");
        ((ObjectNode) updated.get("shipping_address")).put("address1", "Main Street 1");
        ((ObjectNode) updated.get("line_items").get(1)).put("current_quantity", 3);
        ((tools.jackson.databind.node.ArrayNode) updated.get("line_items"))
                .addObject()
                .put("id", 999000111L)
                .put("sku", "IPOD2008BLUE")
                .put("quantity", 1)
                .put("price", "199.00");

        Map<String, Object> receipt = awaitProcessed(deliver("orders/updated", updated));

        assertThat(receipt.get("status")).isEqualTo("PARTIALLY_APPLIED");
        assertThat((String) receipt.get("outcome"))
                .contains("applied: payment status AUTHORIZED → PAID")
                .contains("not applied: shipping address change to")
                .contains("not applied: quantities IPOD2008RED 1 → 3")
                .contains("not applied: line item 999000111 (IPOD2008BLUE × 1) is not on order");
        OrderView view = order(shopifyId);
        assertThat(view.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(view.shipTo().line1()).isEqualTo("Chestnut Street 92");
        assertThat(view.lines()).extracting(line -> line.quantities().active()).containsExactly(1, 1, 1);
    }

    @Test
    void ordersUpdatedForAnOrderNeverSeenTakesIt() {
        long shopifyId = newShopifyId();

        Map<String, Object> receipt =
                awaitProcessed(deliver("orders/updated", ShopifyFixtures.order().put("id", shopifyId)));

        assertThat(receipt.get("status")).isEqualTo("PROCESSED");
        assertThat((String) receipt.get("outcome")).contains("was not known yet; taken from this orders/updated");
        assertThat(order(shopifyId).total()).isEqualTo(usd("409.94"));
    }

    @Test
    void ordersEditedIsRecordedAndItsResultTakenFromOrdersUpdated() {
        long shopifyId = newShopifyId();
        awaitProcessed(deliver("orders/create", ShopifyFixtures.order().put("id", shopifyId)));
        byte[] edit = ("{\"order_edit\": {\"id\": 78912328, \"order_id\": " + shopifyId + ", \"staff_note\": \"\","
                        + " \"line_items\": {\"additions\": [{\"id\": 466157049, \"delta\": 1}], \"removals\": []}}}")
                .getBytes(StandardCharsets.UTF_8);

        Map<String, Object> receipt = awaitProcessed(deliver("orders/edited", edit));

        assertThat(receipt.get("status")).isEqualTo("PROCESSED");
        assertThat(receipt.get("order_id")).isEqualTo(order(shopifyId).id().id());
        assertThat((String) receipt.get("outcome"))
                .contains("+1 × line item 466157049 (IPOD2008GREEN)")
                .contains("taken from the orders/updated");
        assertThat(order(shopifyId).lines())
                .extracting(line -> line.quantities().active())
                .containsExactly(1, 1, 1);
    }

    @Test
    void anOrderThatCanNeverBeTakenIsRecordedAsRefused() {
        long shopifyId = newShopifyId();

        Map<String, Object> receipt = awaitProcessed(deliver(
                "orders/create", ShopifyFixtures.order().put("id", shopifyId).put("currency", "XYZ")));

        assertThat(receipt.get("status")).isEqualTo("REFUSED");
        assertThat((String) receipt.get("failure")).contains("XYZ");
        assertThat(orders.findByChannelRef(SalesChannel.WEB, Long.toString(shopifyId)))
                .isEmpty();
    }

    @Test
    void fulfillmentsCreateRecordsTheParcelOnceAndShipsItsUnits() {
        long shopifyId = newShopifyId();
        awaitProcessed(deliver("orders/create", ShopifyFixtures.order().put("id", shopifyId)));

        Map<String, Object> receipt = awaitProcessed(
                deliver("fulfillments/create", ShopifyFixtures.fulfillment().put("order_id", shopifyId)));

        assertThat(receipt.get("status")).isEqualTo("PROCESSED");
        assertThat((String) receipt.get("outcome"))
                .contains("recorded fulfillment 255858046")
                .contains("null-company 1Z2345");
        OrderView view = order(shopifyId);
        assertThat(view.lines().getFirst().sku()).isEqualTo("IPOD2008GREEN");
        assertThat(view.lines().getFirst().quantities().shipped()).isEqualTo(1);
        assertThat(view.lines().subList(1, view.lines().size()))
                .allSatisfy(line -> assertThat(line.quantities().shipped()).isZero());
        assertThat(view.status()).isEqualTo(org.aftercart.orders.OrderStatus.PARTIALLY_SHIPPED);
        assertThat(fulfillment.parcelsOf(view.id())).singleElement().satisfies(parcel -> {
            assertThat(parcel.carrier()).isEqualTo("null-company");
            assertThat(parcel.trackingNumber()).isEqualTo("1Z2345");
            assertThat(parcel.items()).singleElement().satisfies(item -> {
                assertThat(item.orderLineId()).isEqualTo(view.lines().getFirst().id());
                assertThat(item.quantity()).isEqualTo(1);
            });
        });

        Map<String, Object> update = awaitProcessed(
                deliver("fulfillments/update", ShopifyFixtures.fulfillment().put("order_id", shopifyId)));
        assertThat((String) update.get("outcome")).contains("was recorded before");
        assertThat(fulfillment.parcelsOf(view.id())).hasSize(1);
        assertThat(order(shopifyId).lines().getFirst().quantities().shipped()).isEqualTo(1);
    }

    @Test
    void aFulfillmentBeforeItsOrderFailsAndIsRetriedOnceTheOrderIsThere() {
        long shopifyId = newShopifyId();
        String early =
                deliver("fulfillments/update", ShopifyFixtures.fulfillment().put("order_id", shopifyId));

        Map<String, Object> failed = awaitProcessed(early);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("processed_at")).isNull();
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((String) failed.get("failure")).contains("not known yet");

        awaitProcessed(deliver("orders/create", ShopifyFixtures.order().put("id", shopifyId)));
        Map<String, Object> retried = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> {
                            processor.retryFailedOlderThan(Duration.ZERO);
                            return receipt(early);
                        },
                        row -> row != null && row.get("processed_at") != null);

        assertThat(retried.get("status")).as(retried.toString()).isEqualTo("PROCESSED");
        assertThat(retried.get("attempts")).isEqualTo(2);
        assertThat(fulfillment.parcelsOf(order(shopifyId).id())).hasSize(1);
    }

    private OrderView order(long shopifyId) {
        return orders.findByChannelRef(SalesChannel.WEB, Long.toString(shopifyId))
                .orElseThrow(() -> new AssertionError("No order for Shopify order " + shopifyId));
    }

    private String deliver(String topic, ObjectNode body) {
        return deliver(topic, ShopifyFixtures.bytes(body));
    }

    private String deliver(String topic, byte[] body) {
        String webhookId = UUID.randomUUID().toString();
        assertThat(post(topic, body, webhookId, sign(body)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("accepted");
        return webhookId;
    }

    private MvcTestResult post(String topic, byte[] body, @Nullable String webhookId, @Nullable String hmac) {
        var request = mvc.post()
                .uri("/webhooks/shopify")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ShopifyWebhookController.TOPIC, topic)
                .header(ShopifyWebhookController.SHOP_DOMAIN, "aftercart-test.myshopify.com")
                .content(body);
        if (webhookId != null) {
            request = request.header(ShopifyWebhookController.WEBHOOK_ID, webhookId);
        }
        if (hmac != null) {
            request = request.header(ShopifyWebhookController.HMAC, hmac);
        }
        return request.exchange();
    }

    private Map<String, Object> awaitProcessed(String webhookId) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> receipt(webhookId),
                        row -> row != null && (row.get("processed_at") != null || "FAILED".equals(row.get("status"))));
    }

    private @Nullable Map<String, Object> receipt(String webhookId) {
        return jdbc
                .sql("select * from integrations.webhook_receipts where source = 'shopify' and external_id = ?")
                .param(webhookId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private long receiptCount(String webhookId) {
        return jdbc.sql("select count(*) from integrations.webhook_receipts where external_id = ?")
                .param(webhookId)
                .query(Long.class)
                .single();
    }

    private static String sign(byte[] body) {
        return SIGNER.sign(body);
    }

    private static long newShopifyId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
