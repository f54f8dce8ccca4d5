package org.aftercart.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.aftercart.catalog.Catalog;
import org.aftercart.conversations.ConversationChannel;
import org.aftercart.conversations.ConversationTopic;
import org.aftercart.conversations.Conversations;
import org.aftercart.conversations.CustomerReference;
import org.aftercart.conversations.EntryDirection;
import org.aftercart.conversations.NewEntry;
import org.aftercart.conversations.RecordContact;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.CustomerId;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.FulfillmentOrderView;
import org.aftercart.fulfillment.ShipParcels;
import org.aftercart.inventory.Inventory;
import org.aftercart.notifications.MessageKind;
import org.aftercart.notifications.NotificationRequest;
import org.aftercart.notifications.Notifications;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.platform.ApiKeys;
import org.aftercart.returns.ItemCondition;
import org.aftercart.returns.ReceivedItem;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.shared.Money;
import org.aftercart.support.ApiClient;
import org.aftercart.support.TestCatalog;
import org.aftercart.tracking.Tracking;
import org.aftercart.wallet.RedemptionSource;
import org.aftercart.wallet.Wallet;
import org.aftercart.wallet.WalletHold;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A customer with an order, a parcel, messages, a return with a comment and a photo, and store credit:
 * the export holds each of them, and erasure leaves no trace of who they were in any schema while
 * the accounts stay as they were.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"aftercart.fulfillment.hold-window=PT0S", "aftercart.returns.auto-approve-up-to=500"})
class PersonalDataIntegrationTests {

    static final Currency EUR = Currency.getInstance("EUR");

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Returns returns;

    @Autowired
    Wallet wallet;

    @Autowired
    Notifications notifications;

    @Autowired
    PersonalDataRequests privacy;

    @Autowired
    Conversations conversations;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestCatalog products;

    /** What identifies this test's customer; each value appears nowhere else in the database. */
    record Identity(
            String name, String email, String phone, String line1, String city, String postcode, String comment) {

        static Identity unique() {
            String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            String digits = String.valueOf(Math.abs(token.hashCode()) % 1_000_000 + 1_000_000)
                    .substring(1);
            return new Identity(
                    "Ottilie Vandermeer" + token,
                    "ottilie-" + token + "@example.org",
                    "+447700" + digits.substring(0, 3) + digits.substring(3),
                    token + " Quarry Lane",
                    "Wexcombe" + token,
                    "ZZ" + token.substring(0, 6).toUpperCase(),
                    "The zip broke on day one " + token);
        }

        List<String> values() {
            return List.of(name, email, phone, line1, city, postcode, comment);
        }
    }

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "privacy tests", "ak_privacy_tests");
        products = new TestCatalog(catalog, inventory);
    }

    @Test
    void theExportHoldsWhatEveryModuleKeepsAboutTheCustomer() {
        Identity who = Identity.unique();
        Journey journey = customerWithHistory(who);

        ApiClient.Response response = api.get("/api/v1/customers/" + journey.customer + "/personal-data");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode export = response.json();
        assertThat(export.path("format").asString()).isEqualTo("aftercart-personal-data");
        assertThat(export.path("version").asInt()).isEqualTo(1);
        JsonNode modules = export.path("modules");
        assertThat(modules.path("customers").path("profile").path("email").asString())
                .isEqualTo(who.email);
        assertThat(modules.path("customers").path("profile").path("phone").asString())
                .isEqualTo(who.phone);
        JsonNode order = modules.path("orders").path("orders").get(0);
        assertThat(order.path("number").asString()).isEqualTo(journey.order.number());
        assertThat(order.path("shipTo").path("line1").asString()).isEqualTo(who.line1);
        assertThat(order.path("lines")).hasSize(1);
        assertThat(order.path("journal")).isNotEmpty();
        assertThat(modules.path("fulfillment")
                        .path("parcels")
                        .get(0)
                        .path("trackingNumber")
                        .asString())
                .isEqualTo(journey.trackingNumber);
        assertThat(modules.path("tracking")
                        .path("shipments")
                        .get(0)
                        .path("trackingNumber")
                        .asString())
                .isEqualTo(journey.trackingNumber);
        assertThat(modules.path("notifications").path("messages").findValuesAsString("kind"))
                .contains("order-confirmed", "delivered");
        JsonNode returned = modules.path("returns").path("returns").get(0);
        assertThat(returned.path("number").asString()).isEqualTo(journey.returned.number());
        assertThat(returned.path("items").get(0).path("comment").asString()).isEqualTo(who.comment);
        assertThat(returned.path("items").get(0).path("photos")).hasSize(1);
        assertThat(modules.path("wallet")
                        .path("storeCreditAccounts")
                        .get(0)
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("40.00");
        assertThat(modules.path("wallet")
                        .path("giftCardsReceived")
                        .get(0)
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("25.00");
        assertThat(modules.path("payments").path("transactions")).isNotNull();
        assertThat(modules.path("integrations").path("webhooksReceived")).isEmpty();
        JsonNode conversation =
                modules.path("conversations").path("conversations").get(0);
        assertThat(conversation.path("contact").asString()).isEqualTo(who.phone);
        assertThat(conversation.path("entries").findValuesAsString("text")).contains("Sent to " + who.line1 + "?");
        assertThat(modules.path("conversations").path("notes").findValuesAsString("text"))
                .contains("Lives in " + who.city);
        assertThat(modules.properties().stream().map(Map.Entry::getKey))
                .containsExactlyInAnyOrder(
                        "account",
                        "conversations",
                        "customers",
                        "fulfillment",
                        "integrations",
                        "notifications",
                        "offers",
                        "orders",
                        "payments",
                        "returns",
                        "timeline",
                        "tracking",
                        "wallet");
    }

    @Test
    void erasureLeavesNoTraceOfTheCustomerInAnySchemaAndKeepsTheAccounts() {
        Identity who = Identity.unique();
        Journey journey = customerWithHistory(who);
        assertThat(occurrences(who)).as("the identity is stored before erasure").isNotEmpty();
        Accounts before = accounts(journey);

        ApiClient.Response erased = api.post(
                "/api/v1/customers/" + journey.customer + "/erasure",
                "{\"reason\":\"request by e-mail, ticket 4411\"}");

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().path("requestedBy").asString()).isEqualTo("api-key:privacy tests");
        assertThat(erased.json().path("modules").valueStream().map(JsonNode::asString))
                .contains("customers", "orders", "notifications", "returns", "tracking", "wallet");
        assertThat(occurrences(who))
                .as("columns still holding the customer's identity")
                .isEmpty();
        assertThat(accounts(journey)).isEqualTo(before);
        assertThat(jdbc.sql(
                                "select count(*) from (select 1 from wallet.entries group by transaction_id, currency having sum(amount) <> 0) u")
                        .query(Long.class)
                        .single())
                .as("unbalanced wallet transactions")
                .isZero();
        assertThat(jdbc.sql("select count(*) from returns.photos where return_id = ?")
                        .param(journey.returned.id().id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select status, sent_at is null from notifications.messages where dedupe_key = ?")
                        .param(journey.queuedMessageKey)
                        .query((rs, row) -> rs.getString(1) + "/" + rs.getBoolean(2))
                        .single())
                .as("the queued message is cancelled and never sent")
                .isEqualTo("SUPPRESSED/true");
        assertThat(jdbc.sql("select requested_by, reason from privacy.erasures where customer_id = ?")
                        .param(journey.customer.id())
                        .query((rs, row) -> rs.getString(1) + "|" + rs.getString(2))
                        .single())
                .isEqualTo("api-key:privacy tests|request by e-mail, ticket 4411");
    }

    @Test
    void aLaterOrderWithTheSameAddressMakesANewCustomer() {
        Identity who = Identity.unique();
        OrderView first = place(who, products.variant("MUG", "ONE", "12.00", 5));
        CustomerId customer = CustomerId.of(first.customerId());
        orders.cancel(first.id(), "changed mind", "tests");
        awaitNothingInFlight(customer);
        privacy.erase(customer, "customer");

        OrderView later = place(who, products.variant("CUP", "ONE", "8.00", 5));

        assertThat(later.customerId()).isNotEqualTo(customer.toString());
    }

    @Test
    void erasingTwiceChangesNothingMore() {
        Identity who = Identity.unique();
        OrderView order = place(who, products.variant("BOWL", "ONE", "9.00", 5));
        CustomerId customer = CustomerId.of(order.customerId());
        orders.cancel(order.id(), "changed mind", "tests");
        awaitNothingInFlight(customer);

        ApiClient.Response first = api.post("/api/v1/customers/" + customer + "/erasure", "{\"reason\":\"asked\"}");
        ApiClient.Response second = api.post("/api/v1/customers/" + customer + "/erasure", "{}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("erasedAt").asString())
                .isEqualTo(first.json().path("erasedAt").asString());
        assertThat(jdbc.sql("select count(*) from privacy.erasures where customer_id = ?")
                        .param(customer.id())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        UUID nobody = UUID.randomUUID();

        ApiClient.Response erase = api.post("/api/v1/customers/" + nobody + "/erasure", "{\"reason\":\"x\"}");
        ApiClient.Response export = api.get("/api/v1/customers/" + nobody + "/personal-data");

        assertThat(erase.status()).isEqualTo(404);
        assertThat(erase.contentType()).startsWith("application/problem+json");
        assertThat(export.status()).isEqualTo(404);
    }

    @Test
    void somethingUnderWayRefusesErasureAndErasesNothing() {
        Identity who = Identity.unique();
        OrderView order = place(who, products.variant("LAMP", "ONE", "30.00", 5));
        CustomerId customer = CustomerId.of(order.customerId());

        ApiClient.Response refused = api.post("/api/v1/customers/" + customer + "/erasure", "{\"reason\":\"asked\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).endsWith("/erasure-refused");
        assertThat(refused.json().path("blockers").get(0).asString()).contains(order.number());
        assertThat(occurrences(who)).isNotEmpty();
        assertThat(privacy.erasure(customer)).isEmpty();
    }

    @Test
    void anOpenReturnRefusesErasure() {
        Identity who = Identity.unique();
        OrderView order = deliver(
                ship(place(who, products.variant("VASE", "ONE", "20.00", 5))).order());
        ReturnView open = returns.request(returnRequest(order, null, List.of()));

        assertThat(privacy.erasureBlockers(CustomerId.of(order.customerId())))
                .anySatisfy(blocker -> assertThat(blocker).contains(open.number()));
    }

    @Test
    void storeCreditHeldAtACheckoutRefusesErasureUntilTheHoldEnds() {
        Identity who = Identity.unique();
        OrderView order = place(who, products.variant("TRAY", "ONE", "15.00", 5));
        CustomerId customer = CustomerId.of(order.customerId());
        orders.cancel(order.id(), "changed mind", "tests");
        wallet.grantStoreCredit(
                customer, Money.of("20.00", "EUR"), Money.of("0.00", "EUR"), "Goodwill", "privacy-grant:" + customer);
        WalletHold hold = wallet.authorise(
                new RedemptionSource.StoreCredit(customer), Money.of("12.00", "EUR"), "privacy-hold:" + customer);

        // Once the order's events are delivered, the hold is all that stands in the way.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(privacy.erasureBlockers(customer))
                .singleElement()
                .asString()
                .contains("12.0000 EUR", "held"));
        assertThatThrownBy(() -> privacy.erase(customer, "customer")).isInstanceOf(ErasureRefused.class);
        assertThat(privacy.erasure(customer)).isEmpty();

        wallet.voidHold(hold.id(), "privacy-void:" + customer);
        awaitNothingInFlight(customer);
        assertThat(privacy.erase(customer, "customer").modules()).contains("wallet");
    }

    // ------------------------------------------------------------------ the customer's history

    record Journey(
            CustomerId customer,
            OrderView order,
            String trackingNumber,
            ReturnView returned,
            String queuedMessageKey) {}

    record Shipped(OrderView order, String trackingNumber) {}

    /**
     * Ordered, shipped in a parcel, delivered, returned for store credit with a comment and a photo,
     * given a gift card by someone, and a message still queued.
     */
    private Journey customerWithHistory(Identity who) {
        Shipped shipped = ship(place(who, products.variant("SCARF", "ONE", "40.00", 5)));
        OrderView order = deliver(shipped.order());
        CustomerId customer = CustomerId.of(order.customerId());
        UUID photo = returns.storePhoto(png(), null, null);
        ReturnView requested = returns.request(returnRequest(order, who.comment, List.of(photo)));
        ReturnView received = returns.receive(
                requested.id(),
                requested.items().stream()
                        .map(item -> new ReceivedItem(item.id(), item.quantity(), ItemCondition.NEW, true, null))
                        .toList(),
                "warehouse:sam");
        ReturnView resolved = returns.resolve(received.id(), "agent:ann");
        assertThat(resolved.status()).isEqualTo(ReturnStatus.RESOLVED);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> wallet.availableStoreCredit(customer, EUR).amount().signum() > 0);
        wallet.issueGiftCard(
                Money.of("25.00", "EUR"), who.email, "Birthday present", "privacy-gift:" + UUID.randomUUID());
        UUID call = conversations
                .record(
                        new RecordContact(
                                CustomerReference.phone(who.phone),
                                order.id().id(),
                                ConversationChannel.PHONE,
                                ConversationTopic.WHERE_IS_MY_ORDER,
                                EntryDirection.INBOUND,
                                "Sent to " + who.line1 + "?",
                                "customer",
                                "agent@shop.example"),
                        null)
                .conversation()
                .id();
        conversations.addEntry(call, new NewEntry(EntryDirection.INBOUND, who.comment, "customer"), null);
        conversations.addNote(customer, order.id(), "Lives in " + who.city, "agent@shop.example");
        String queued = "privacy-test:" + UUID.randomUUID();
        notifications.request(new NotificationRequest(
                MessageKind.DELIVERED,
                queued,
                customer,
                order.id().id(),
                Map.of("note", who.comment),
                Instant.now().plus(Duration.ofDays(1))));
        awaitNothingInFlight(customer);
        return new Journey(customer, orders.find(order.id()).orElseThrow(), shipped.trackingNumber, resolved, queued);
    }

    /** Events about the customer are delivered to their listeners after commit; erasure waits for them. */
    private void awaitNothingInFlight(CustomerId customer) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> privacy.erasureBlockers(customer).isEmpty());
    }

    private OrderView place(Identity who, String sku) {
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                new ContactDetails(who.email, who.name, who.phone, null, null, "GB"),
                "EUR",
                List.of(new PlaceOrder.Line(sku, 1, null, null)),
                new ShippingAddress(who.name, who.line1, null, who.city, who.postcode, null, "GB"),
                PaymentStatus.PAID,
                null,
                null,
                null,
                null));
    }

    private Shipped ship(OrderView order) {
        FulfillmentOrderView fo = fulfillment.ofOrder(order.id()).getFirst();
        fulfillment.release(fo.id());
        fulfillment.startPicking(fo.id());
        fulfillment.startPacking(fo.id(), "test");
        String number = "PV"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        List<ShipParcels.Item> items = new ArrayList<>();
        order.lines()
                .forEach(line -> items.add(
                        new ShipParcels.Item(line.id(), line.quantities().active())));
        fulfillment.ship(
                fo.id(),
                new ShipParcels(List.of(new ShipParcels.Parcel("La Poste", "Colissimo", number, items))),
                "test");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> tracking.shipmentsOf(order.id()).size() == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> orders.find(order.id())
                                .orElseThrow()
                                .lines()
                                .getFirst()
                                .quantities()
                                .shipped()
                        > 0);
        return new Shipped(orders.find(order.id()).orElseThrow(), number);
    }

    private OrderView deliver(OrderView order) {
        Map<UUID, Integer> units = new LinkedHashMap<>();
        order.lines().forEach(line -> units.put(line.id(), line.quantities().shipped()));
        orders.recordDelivery(order.id(), units, "Delivered in tests", "tests");
        return orders.find(order.id()).orElseThrow();
    }

    private static RequestReturn returnRequest(OrderView order, String comment, List<UUID> photos) {
        return new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(),
                        1,
                        "changed-mind",
                        comment,
                        ReturnOutcome.STORE_CREDIT,
                        null,
                        null,
                        photos)),
                false,
                null,
                "customer");
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ checks on the whole database

    /**
     * Every text-like column of every table in every schema (a module added later included) that
     * still holds one of the customer's values, as {@code schema.table.column}.
     */
    private List<String> occurrences(Identity who) {
        List<String> columns = jdbc.sql(
                        """
                        select format('%I.%I', c.table_schema, c.table_name), format('%I', c.column_name),
                               c.table_schema || '.' || c.table_name || '.' || c.column_name
                        from information_schema.columns c
                        join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where t.table_type = 'BASE TABLE'
                          and c.table_schema not in ('pg_catalog', 'information_schema')
                          and c.table_schema not like 'pg\\_%'
                          and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
                               or c.data_type = 'ARRAY')
                        """)
                .query((rs, row) -> rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3))
                .list();
        String[] needles = who.values().stream().map(String::toLowerCase).toArray(String[]::new);
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split("\u0000");
            long hits = jdbc.sql("select count(*) from " + parts[0] + " where exists (select 1 from unnest(?::text[]) n"
                            + " where position(n in lower(" + parts[1] + "::text)) > 0)")
                    .param(needles)
                    .query(Long.class)
                    .single();
            if (hits > 0) {
                found.add(parts[2]);
            }
        }
        return found;
    }

    record Accounts(
            BigDecimal orderTotals, BigDecimal taxes, BigDecimal payments, BigDecimal credit, long ledgerEntries) {}

    private Accounts accounts(Journey journey) {
        return new Accounts(
                jdbc.sql(
                                """
                                select coalesce(sum(l.unit_price * l.ordered), 0) + coalesce(max(o.shipping_amount), 0)
                                from orders.orders o join orders.order_lines l on l.order_id = o.id where o.id = ?
                                """)
                        .param(journey.order.id().id())
                        .query(BigDecimal.class)
                        .single(),
                jdbc.sql("select tax_amount from orders.orders where id = ?")
                        .param(journey.order.id().id())
                        .query(BigDecimal.class)
                        .single(),
                jdbc.sql("select coalesce(sum(amount), 0) from payments.transactions where order_id = ?")
                        .param(journey.order.id().id())
                        .query(BigDecimal.class)
                        .single(),
                wallet.availableStoreCredit(journey.customer, EUR).amount(),
                jdbc.sql(
                                """
                                select count(*) from wallet.entries e join wallet.accounts a on a.id = e.account_id
                                where a.customer_id = ?
                                """)
                        .param(journey.customer.id())
                        .query(Long.class)
                        .single());
    }
}
