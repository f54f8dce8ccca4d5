package org.aftercart.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.inventory.Location;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.ExchangeDelivery;
import org.aftercart.returns.ItemCondition;
import org.aftercart.returns.ReceivedItem;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.support.TestCatalog;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.aftercart.wallet.Wallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A return's steps reach the customer through a real SMTP server: one message per step that needs
 * telling, the "we have your request" note only while a person still has to answer it, the money
 * told once (in the return's own message, not again as a refund or a credit), and a gift return's
 * credit reaching its recipient as a gift card code.
 */
@SpringBootTest(
        properties = {
            "aftercart.fulfillment.hold-window=PT0S",
            "aftercart.notifications.quiet-hours-start=00:00",
            "aftercart.notifications.quiet-hours-end=00:00",
            "aftercart.returns.auto-approve-up-to=15",
            "aftercart.returns.store-credit-bonus-percent=10"
        })
class ReturnMessagesIntegrationTests {

    static final GreenMail SMTP;

    static {
        try (ServerSocket free = new ServerSocket(0)) {
            SMTP = new GreenMail(new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Returns returns;

    @Autowired
    Wallet wallet;

    @Autowired
    OrderManagement orders;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    ShippedOrders shipping;

    @BeforeEach
    void setUp() {
        shipping = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @Test
    void aReturnApprovedByRuleIsToldWhatToDoNextThenItsCreditOnceItIsResolved() throws Exception {
        String email = unique("credit");
        OrderView order = delivered(email, "Wool scarf");

        ReturnView request = returns.request(request(order, ReturnOutcome.STORE_CREDIT, false, null));
        assertThat(request.status()).isEqualTo(ReturnStatus.APPROVED);
        MailDelivery.deliverEverythingDue(dispatcher);

        MimeMessage approved = onlyMessageTo(email, "approved");
        assertThat(approved.getSubject()).isEqualTo("Return " + request.number() + " approved");
        assertThat(text(approved))
                .contains("Your return " + request.number() + " for order " + order.number() + " is approved.")
                .contains("print the return label");
        // The note for requests waiting for a person is not sent: the rules answered at once.
        dueNow("return-requested:" + request.id());
        MailDelivery.deliverEverythingDue(dispatcher);
        assertThat(statusOf("return-requested:" + request.id())).isEqualTo("SUPPRESSED");

        ReturnView resolved = returns.resolve(receiveAll(request).id(), "agent:ann");
        dueNow("return-received:" + request.id()); // received and resolved at once: only the resolution is told
        CustomerId customer = CustomerId.of(order.customerId());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> wallet.storeCredit(customer).isPresent());
        MailDelivery.deliverEverythingDue(dispatcher);

        MimeMessage complete = onlyMessageTo(email, "complete");
        assertThat(complete.getSubject()).isEqualTo("Return " + resolved.number() + " is complete");
        assertThat(text(complete))
                .contains("€11.00 of store credit, including a bonus of €1.00, has been added to your account.");
        assertThat(MailDelivery.to(SMTP, email))
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Order " + order.number() + " confirmed",
                        "Return " + request.number() + " approved",
                        "Return " + request.number() + " is complete");
        assertThat(statusOf("return-received:" + request.id())).isEqualTo("SUPPRESSED");
    }

    @Test
    void aRequestLeftForAPersonIsAcknowledgedAndARefusalSaysWhy() throws Exception {
        String email = unique("review");
        OrderView order = delivered(email, "Oak stool", "Oak bench");

        ReturnView request = returns.request(request(order, ReturnOutcome.REFUND, false, null));
        assertThat(request.status()).isEqualTo(ReturnStatus.REQUESTED);
        dueNow("return-requested:" + request.id());
        MailDelivery.deliverEverythingDue(dispatcher);
        assertThat(text(onlyMessageTo(email, "return request")))
                .contains("We will check it and answer within two working days.");

        returns.reject(request.id(), "agent:ann", "the items were bought more than a year ago");
        MailDelivery.deliverEverythingDue(dispatcher);

        MimeMessage refused = onlyMessageTo(email, "could not be accepted");
        assertThat(text(refused)).contains("The reason: the items were bought more than a year ago");
    }

    @Test
    void aGiftReturnsCreditReachesItsRecipientAsAGiftCardCodeAndTheBuyerIsToldWhere() throws Exception {
        String email = unique("giver");
        String friend = unique("friend");
        OrderView order = delivered(email, "Glass vase");

        ReturnView resolved = returns.resolve(
                receiveAll(returns.request(request(order, ReturnOutcome.STORE_CREDIT, true, friend)))
                        .id(),
                "agent:ann");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from notifications.messages where kind = 'gift-card-issued'"
                                        + " and recipient = ?")
                                .param(friend)
                                .query(Integer.class)
                                .single()
                        == 1);
        MailDelivery.deliverEverythingDue(dispatcher);

        MimeMessage card = MailDelivery.to(SMTP, friend).getFirst();
        assertThat(card.getSubject()).isEqualTo("A gift card from Aftercart Demo Shop");
        assertThat(text(card))
                .contains("You have received a gift card worth €11.00")
                .contains("because a gift card from Aftercart Demo Shop was sent to this address")
                .containsPattern(Pattern.compile("Your gift card code: [0-9A-Z]{4}(-[0-9A-Z]{4}){4}\n"));
        assertThat(text(onlyMessageTo(email, "complete")))
                .contains("the credit of €11.00 goes to " + friend + " as a gift card");
    }

    @Test
    void aReturnAtAStoresCounterIsToldOnlyItsOutcome() throws Exception {
        String email = unique("counter");
        OrderView order = delivered(email, "Linen shirt");
        RequestReturn online = request(order, ReturnOutcome.STORE_CREDIT, false, null);
        RequestReturn atTheCounter = new RequestReturn(
                online.orderId(),
                ReturnChannel.STORE,
                ReturnMethod.IN_STORE,
                "MAIN",
                online.items(),
                false,
                null,
                "store@example.org");

        ReturnView request = returns.request(atTheCounter);
        returns.resolve(receiveAll(request).id(), "store@example.org");
        dueNow("return-received:" + request.id());
        MailDelivery.deliverEverythingDue(dispatcher);

        assertThat(MailDelivery.to(SMTP, email))
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Order " + order.number() + " confirmed", "Return " + request.number() + " is complete");
    }

    @Test
    void anExchangeHandedOverAtTheCounterIsToldAsTakenAwayWithNoOrderOrShippingNews() throws Exception {
        String email = unique("shelf");
        OrderView order = delivered(email, "Cord jacket");
        String store = "SHELF-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        inventory.defineLocation(new Location(store, "Shelf store", Location.Kind.STORE, "GB", 700));
        TestCatalog products = new TestCatalog(catalog, inventory);
        String otherSize = products.variant("Cord jacket", "L", "10.00", 0);
        products.stock(store, otherSize, 1);
        RequestReturn atTheCounter = new RequestReturn(
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
                        otherSize,
                        null,
                        List.of())),
                false,
                null,
                "store@example.org",
                ExchangeDelivery.FROM_STORE_SHELF);

        ReturnView request = returns.request(atTheCounter);
        ReturnView resolved = returns.resolve(receiveAll(request).id(), "store@example.org");
        dueNow("return-received:" + request.id());
        MailDelivery.deliverEverythingDue(dispatcher);

        assertThat(MailDelivery.to(SMTP, email))
                .extracting(MimeMessage::getSubject)
                .as("no confirmation of the replacement order, nothing about shipping it")
                .containsExactlyInAnyOrder(
                        "Order " + order.number() + " confirmed", "Return " + request.number() + " is complete");
        assertThat(text(onlyMessageTo(email, "is complete")))
                .contains("You took your replacement with you from the store (order " + resolved.exchangeOrderNumber()
                        + ")")
                .doesNotContain("we will tell you when it ships");
    }

    @Test
    void aFrenchSpeakingCustomerIsToldInFrench() throws Exception {
        String email = unique("fr");
        OrderView order = delivered(email, "Bol en gr\u00e8s");
        CustomerId customer = CustomerId.of(order.customerId());
        ContactPreferences preferences = customers.contactPreferences(customer).orElseThrow();
        customers.updateContactPreferences(
                customer,
                new ContactPreferences(
                        preferences.preferredChannel(),
                        preferences.channelByKind(),
                        preferences.marketingConsent(),
                        null,
                        null,
                        null,
                        "fr"));

        ReturnView request = returns.request(request(order, ReturnOutcome.REFUND, false, null));
        MailDelivery.deliverEverythingDue(dispatcher);

        MimeMessage approved = onlyMessageTo(email, "accept\u00e9");
        assertThat(approved.getSubject()).isEqualTo("Retour " + request.number() + " accept\u00e9");
        assertThat(text(approved)).contains("imprimez l\u2019\u00e9tiquette de retour");
    }

    private OrderView delivered(String email, String... products) {
        OrderView order = shipping.placeOnly(email, products);
        Map<UUID, Integer> units = new LinkedHashMap<>();
        order.lines().forEach(line -> units.put(line.id(), line.quantities().active()));
        orders.recordShipment(order.id(), units, "Shipped in tests", "tests");
        orders.recordDelivery(order.id(), units, "Delivered in tests", "tests");
        return orders.find(order.id()).orElseThrow();
    }

    private static RequestReturn request(
            OrderView order, ReturnOutcome outcome, boolean gift, @org.jspecify.annotations.Nullable String recipient) {
        List<RequestReturn.Item> items = order.lines().stream()
                .map(line -> new RequestReturn.Item(line.id(), 1, "changed-mind", null, outcome, null, null, List.of()))
                .toList();
        return new RequestReturn(
                order.id(), ReturnChannel.PORTAL, ReturnMethod.MAIL, null, items, gift, recipient, "customer");
    }

    private ReturnView receiveAll(ReturnView request) {
        return returns.receive(
                request.id(),
                request.items().stream()
                        .map(item -> new ReceivedItem(item.id(), item.quantity(), ItemCondition.NEW, true, null))
                        .toList(),
                "agent:ann");
    }

    private void dueNow(String dedupeKey) {
        jdbc.sql("update notifications.messages set due_at = now() where dedupe_key = ?")
                .param(dedupeKey)
                .update();
    }

    private String statusOf(String dedupeKey) {
        return jdbc.sql("select status from notifications.messages where dedupe_key = ?")
                .param(dedupeKey)
                .query(String.class)
                .single();
    }

    private static MimeMessage onlyMessageTo(String recipient, String subjectContains) throws Exception {
        List<MimeMessage> found = MailDelivery.to(SMTP, recipient).stream()
                .filter(message -> {
                    try {
                        return message.getSubject().contains(subjectContains);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(found)
                .as("messages to %s about '%s'", recipient, subjectContains)
                .hasSize(1);
        return found.getFirst();
    }

    private static String text(MimeMessage message) throws Exception {
        return MailDelivery.part(message, "text/plain").orElseThrow().replace("\r\n", "\n");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
