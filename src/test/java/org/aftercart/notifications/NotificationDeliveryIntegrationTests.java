package org.aftercart.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.Branding;
import org.aftercart.platform.BrandingSettings;
import org.aftercart.tracking.ShipmentStatusChanged;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages from the fact to the mailbox, through a real SMTP server: what arrives (HTML and text
 * parts, headers, schema.org JSON-LD), digests, dedupe, fallbacks, consent, the contact budget, and
 * delivery after a crash.
 */
@SpringBootTest(
        properties = {
            "aftercart.fulfillment.hold-window=PT0S",
            "aftercart.notifications.digest-window=PT0S",
            // Quiet hours are tested with the customer's own; the shop's default is off here.
            "aftercart.notifications.quiet-hours-start=00:00",
            "aftercart.notifications.quiet-hours-end=00:00",
            "aftercart.notifications.first-retry=PT0S",
            "aftercart.notifications.claim-lease=PT1S"
        })
@AutoConfigureMockMvc
class NotificationDeliveryIntegrationTests {

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
    Notifications notifications;

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
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    final JsonMapper json = JsonMapper.builder().build();

    ShippedOrders shipping;

    /**
     * Jakarta Mail waits forever by default; the fault harness found the dispatcher held for good by
     * one SMTP connection that stopped answering (docs/adr/0032-crash-safety-and-two-instances.md).
     */
    @Test
    void smtpConnectionsGiveUpInsteadOfWaitingForever() {
        var session = mailSender.getSession().getProperties();
        assertThat(session.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(session.getProperty("mail.smtp.timeout")).isEqualTo("30000");
        assertThat(session.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
    }

    @BeforeEach
    void setUp() {
        shipping = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @Test
    void anOrderConfirmationArrivesWithHtmlAndTextPartsHeadersAndOrderMarkup() throws Exception {
        String email = unique("confirm");
        OrderView order = shipping.placeOnly(email, "Linen apron");

        MailDelivery.deliverEverythingDue(dispatcher);

        List<MimeMessage> received = MailDelivery.to(SMTP, email);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Order " + order.number() + " confirmed");
        assertThat(mail.getFrom()[0].toString()).contains("orders@aftercart.demo");
        MessageView message = only(notifications.ofOrder(order.id()), "order-confirmed");
        assertThat(mail.getMessageID()).isEqualTo("<" + message.id() + "@aftercart.demo>");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getHeader("List-Unsubscribe")).as("transactional").isNull();

        String text = MailDelivery.part(mail, "text/plain").orElseThrow();
        String html = MailDelivery.part(mail, "text/html").orElseThrow();
        MailDelivery.keepSample("order-confirmed", html, text);
        assertThat(text).contains("Hello Tracy,", "Linen apron", "Total: €10.00", "/track/");
        assertThat(html).contains("Linen apron", "/m/" + message.id() + "/open.gif?s=");
        assertThat(html)
                .as("links go through the signed click redirect")
                .doesNotContain("href=\"http://localhost:8080/track/");

        JsonNode markup = jsonLd(html);
        assertThat(markup.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(markup.path("@type").asString()).isEqualTo("Order");
        assertThat(markup.path("orderNumber").asString()).isEqualTo(order.number());
        assertThat(markup.path("merchant").path("name").asString()).isEqualTo("Aftercart Demo Shop");
        assertThat(markup.path("priceCurrency").asString()).isEqualTo("EUR");
        assertThat(markup.path("price").asString())
                .isEqualTo(order.total().amount().toPlainString());
        assertThat(markup.path("acceptedOffer")
                        .get(0)
                        .path("itemOffered")
                        .path("name")
                        .asString())
                .isEqualTo("Product Linen apron – ONE");

        MessageView sent = notifications.find(message.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.attemptLog()).singleElement().satisfies(attempt -> assertThat(attempt.outcome())
                .isEqualTo("SENT"));
    }

    @Test
    void aBrandSavedInTheConsoleShapesTheNextEmailWithoutARestart(@Autowired BrandingSettings branding)
            throws Exception {
        String email = unique("brand");
        branding.save(
                new Branding(
                        "Maison Lune", null, "#7c2d12", "#1e1b4b", "#fffbeb", "Georgia, serif", java.util.Map.of()),
                "staff:admin@example.org");
        try {
            shipping.placeOnly(email, "Linen apron");
            MailDelivery.deliverEverythingDue(dispatcher);
        } finally {
            branding.reset();
        }

        MimeMessage mail = MailDelivery.to(SMTP, email).getFirst();
        String html = MailDelivery.part(mail, "text/html").orElseThrow();
        String text = MailDelivery.part(mail, "text/plain").orElseThrow();
        MailDelivery.keepSample("order-confirmed-maison-lune", html, text);
        assertThat(html)
                .contains("Maison Lune", "background:#1e1b4b", "background:#7c2d12", "font-family:Georgia, serif");
        assertThat(html).doesNotContain("Aftercart Demo Shop");
        assertThat(text).contains("Maison Lune");
    }

    @Test
    void aShippingEmailCarriesParcelDeliveryMarkupAndCountsOpensAndClicks() throws Exception {
        String email = unique("shipped");
        var shipped = shipping.shipInParcels(email, "Copper kettle");

        MailDelivery.deliverEverythingDue(dispatcher);

        MimeMessage mail = subject(email, "Order " + shipped.order().number() + " is on its way");
        String html = MailDelivery.part(mail, "text/html").orElseThrow();
        JsonNode delivery = jsonLd(html);
        assertThat(delivery.path("@type").asString()).isEqualTo("ParcelDelivery");
        assertThat(delivery.path("trackingNumber").asString())
                .isEqualTo(shipped.trackingNumbers().getFirst());
        assertThat(delivery.path("carrier").path("name").asString()).isEqualTo("La Poste");
        assertThat(delivery.path("provider").path("name").asString()).isEqualTo("La Poste");
        assertThat(delivery.path("trackingUrl").asString()).startsWith("http://localhost:8080/track/");
        assertThat(delivery.path("expectedArrivalUntil").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(delivery.path("deliveryAddress").path("addressLocality").asString())
                .isEqualTo("Paris");
        assertThat(delivery.path("deliveryAddress").path("postalCode").asString())
                .isEqualTo("75002");
        assertThat(delivery.path("itemShipped").get(0).path("name").asString())
                .isEqualTo("Product Copper kettle – ONE");
        assertThat(delivery.path("partOfOrder").path("orderNumber").asString())
                .isEqualTo(shipped.order().number());
        assertThat(delivery.path("partOfOrder").path("merchant").path("name").asString())
                .isEqualTo("Aftercart Demo Shop");
        assertThat(delivery.path("deliveryStatus").path("name").asString()).isEqualTo("LABEL_CREATED");

        MessageView message = only(notifications.ofOrder(shipped.order().id()), "shipped");
        Matcher click = Pattern.compile("href=\"(http://localhost:8080/m/[^\"]+/click[^\"]+)\"")
                .matcher(html);
        assertThat(click.find()).isTrue();
        URI redirect = URI.create(org.springframework.web.util.HtmlUtils.htmlUnescape(click.group(1)));
        mvc.perform(get(URI.create(redirect.getRawPath() + "?" + redirect.getRawQuery())))
                .andExpect(status().isFound())
                .andExpect(
                        header().string("Location", org.hamcrest.Matchers.startsWith("http://localhost:8080/track/")));
        mvc.perform(get(redirect.getRawPath() + "?u=https://evil.example/&s=forged"))
                .andExpect(status().isNotFound());
        Matcher pixel = Pattern.compile("src=\"http://localhost:8080(/m/[^\"]+/open.gif\\?s=[^\"]+)\"")
                .matcher(html);
        assertThat(pixel.find()).isTrue();
        mvc.perform(get(URI.create(pixel.group(1)))).andExpect(status().isOk());

        MessageView engaged = notifications.find(message.id()).orElseThrow();
        assertThat(engaged.clicks()).isEqualTo(1);
        assertThat(engaged.openedAt()).isNotNull();
    }

    @Test
    void parcelsThatShipTogetherAreToldInOneDigest() throws Exception {
        String email = unique("digest");
        var shipped = shipping.shipInParcels(email, "Oak board", "Olive oil");

        MailDelivery.deliverEverythingDue(dispatcher);

        MimeMessage mail = subject(email, "Order " + shipped.order().number() + ": 2 parcels are on their way");
        String text = MailDelivery.part(mail, "text/plain").orElseThrow();
        MailDelivery.keepSample(
                "shipped-digest", MailDelivery.part(mail, "text/html").orElseThrow(), text);
        assertThat(text).contains("Parcel 1 of 2", "Parcel 2 of 2", "Oak board", "Olive oil");
        assertThat(jsonLd(MailDelivery.part(mail, "text/html").orElseThrow()).isArray())
                .isTrue();
        List<MessageView> shippedMessages = notifications
                .ofOrder(shipped.order().id())
                .stream()
                .filter(message -> message.kind().equals("shipped"))
                .toList();
        assertThat(shippedMessages)
                .extracting(MessageView::status)
                .containsExactlyInAnyOrder(MessageStatus.SENT, MessageStatus.DIGESTED);
        assertThat(MailDelivery.to(SMTP, email))
                .extracting(MimeMessage::getSubject)
                .filteredOn(subject -> subject.contains("on its way") || subject.contains("on their way"))
                .hasSize(1);
    }

    @Test
    void theSameMilestoneOfTheSameParcelIsToldOnce() throws Exception {
        String email = unique("once");
        var shipped = shipping.shipInParcels(email, "Wool scarf");
        ShipmentView parcel = tracking.shipmentsOf(shipped.order().id()).getFirst();

        for (int i = 0; i < 2; i++) {
            transactions.executeWithoutResult(tx -> events.publishEvent(new ShipmentStatusChanged(
                    parcel, TrackingStatus.IN_TRANSIT, TrackingStatus.DELIVERED, "Delivered", Instant.now(), false)));
        }
        MailDelivery.deliverEverythingDue(dispatcher);

        assertThat(MailDelivery.to(SMTP, email))
                .extracting(MimeMessage::getSubject)
                .filteredOn(subject -> subject.contains("has been delivered"))
                .hasSize(1);
    }

    @Test
    void aLateParcelsEmailLinksToTheHelpArticleAboutLateParcelsWithTheOrderNumber() throws Exception {
        String email = unique("late");
        var shipped = shipping.shipInParcels(email, "Wool throw");
        ShipmentView parcel = tracking.shipmentsOf(shipped.order().id()).getFirst();
        transactions.executeWithoutResult(tx -> events.publishEvent(new ShipmentStatusChanged(
                parcel, TrackingStatus.IN_TRANSIT, TrackingStatus.DELAYED, "Held at the hub", Instant.now(), false)));

        MailDelivery.deliverEverythingDue(dispatcher);

        MimeMessage mail = subject(email, "Order " + shipped.order().number() + " is running late");
        String helpUrl = "http://localhost:8080/help/for/parcel-delayed?lang=en&order="
                + shipped.order().number();
        assertThat(MailDelivery.part(mail, "text/plain").orElseThrow())
                .contains("What happens when a parcel is late: " + helpUrl);
        assertThat(MailDelivery.part(mail, "text/html").orElseThrow()).contains("What happens when a parcel is late");
    }

    @Test
    void aCustomerWhoPrefersTextsButHasNoPhoneIsToldByEmailAndTheReasonIsKept() throws Exception {
        String email = unique("sms-fallback");
        OrderView order = shipping.placeOnly(email, "Tea towel");
        CustomerId customer = CustomerId.of(order.customerId());
        // The confirmation is already written; change the preference before it is routed.
        customers.updateContactPreferences(customer, preferences(ContactChannel.SMS, true, null, null));

        MailDelivery.deliverEverythingDue(dispatcher);

        assertThat(MailDelivery.to(SMTP, email)).hasSize(1);
        MessageView message = only(notifications.ofOrder(order.id()), "order-confirmed");
        assertThat(message.channel()).isEqualTo("EMAIL");
    }

    @Test
    void aCustomerWithoutAnyUsableChannelIsRecordedAsUndeliverableWithAReason() throws Exception {
        String email = unique("nowhere");
        OrderView order = shipping.placeOnly(email, "Bread tin");
        jdbc.sql("update customers.customers set email = 'not an address', phone = '12' where id = ?::uuid")
                .param(order.customerId())
                .update();

        MailDelivery.deliverEverythingDue(dispatcher);

        MessageView message = only(notifications.ofOrder(order.id()), "order-confirmed");
        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason())
                .isEqualTo("No usable channel: the e-mail address 'not an address' is not valid, and the phone number"
                        + " '12' cannot receive texts.");
        assertThat(orders.find(order.id()).orElseThrow().status().name()).isEqualTo("PLACED");
    }

    @Test
    void aKindOfMessageWithoutTemplatesIsRecordedAsUndeliverableWithAReason() throws Exception {
        String email = unique("no-template");
        OrderView order = shipping.placeOnly(email, "Gift box");
        MessageKind unknown = new MessageKind("gift-note", MessageKind.Purpose.TRANSACTIONAL, true, false);
        transactions.executeWithoutResult(tx -> notifications.request(new NotificationRequest(
                unknown,
                "gift-note:" + order.id(),
                CustomerId.of(order.customerId()),
                order.id().id(),
                Map.of(),
                null)));

        MailDelivery.deliverEverythingDue(dispatcher);

        MessageView message = only(notifications.ofOrder(order.id()), "gift-note");
        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason())
                .isEqualTo("Its template could not be used: There is no template gift-note/subject.txt.");
        assertThat(MailDelivery.to(SMTP, email))
                .extracting(MimeMessage::getSubject)
                .containsExactly("Order " + order.number() + " confirmed");
    }

    @Test
    void nonUrgentNewsWaitsForTheEndOfTheCustomersQuietHours() throws Exception {
        String email = unique("quiet");
        OrderView order = shipping.placeOnly(email, "Candle");
        CustomerId customer = CustomerId.of(order.customerId());
        LocalTime now = LocalTime.now(java.time.ZoneId.of("Asia/Tokyo"));
        // Quiet from an hour ago to an hour from now, on the customer's clock.
        customers.updateContactPreferences(
                customer, preferences(ContactChannel.EMAIL, false, now.minusHours(1), now.plusHours(1)));
        MailDelivery.deliverEverythingDue(dispatcher);
        assertThat(only(notifications.ofOrder(order.id()), "order-confirmed").status())
                .as("a confirmation answers the customer's own action: urgent")
                .isEqualTo(MessageStatus.SENT);

        transactions.executeWithoutResult(tx -> notifications.request(new NotificationRequest(
                MessageKind.REFUND_ISSUED,
                "quiet-test:" + order.id(),
                customer,
                order.id().id(),
                Map.of("amount", "4.00", "currency", "EUR"),
                null)));
        MailDelivery.deliverEverythingDue(dispatcher);

        MessageView held = only(notifications.ofOrder(order.id()), "refund-issued");
        assertThat(held.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(held.reason()).isEqualTo("Quiet hours on the customer's clock.");
        assertThat(held.dueAt()).isAfter(Instant.now().plusSeconds(55 * 60));
    }

    @Test
    void marketingNeedsConsentStaysWithinTheContactBudgetAndUnsubscribesInOneClick() throws Exception {
        String email = unique("offers");
        OrderView order = shipping.placeOnly(email, "Jam jar");
        CustomerId customer = CustomerId.of(order.customerId());
        MessageKind offer = MessageKind.marketing("test-offer");

        request(offer, "offer-without-consent:" + order.id(), customer);
        MailDelivery.deliverEverythingDue(dispatcher);
        assertThat(notifications.ofCustomer(customer))
                .filteredOn(m -> m.kind().equals("test-offer"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.status()).isEqualTo(MessageStatus.SUPPRESSED);
                    assertThat(m.reason()).isEqualTo("The customer has not agreed to marketing messages.");
                });

        customers.updateContactPreferences(customer, preferences(ContactChannel.EMAIL, true, null, null));
        for (int i = 1; i <= 4; i++) {
            request(offer, "offer-" + i + ":" + order.id(), customer);
        }
        MailDelivery.deliverEverythingDue(dispatcher);

        List<MessageView> offers = notifications.ofCustomer(customer).stream()
                .filter(m -> m.kind().equals("test-offer"))
                .toList();
        assertThat(offers).filteredOn(m -> m.status() == MessageStatus.SENT).hasSize(3);
        assertThat(offers)
                .filteredOn(m -> m.status() == MessageStatus.SUPPRESSED)
                .extracting(MessageView::reason)
                .contains("Contact budget used: 3 marketing messages in the last 7 days.");

        MimeMessage mail = subject(email, "A little something for you");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        URI address = URI.create(unsubscribe.substring(1, unsubscribe.length() - 1));
        mvc.perform(post(URI.create(address.getRawPath() + "?" + address.getRawQuery()))
                        .contentType("application/x-www-form-urlencoded")
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        assertThat(customers.contactPreferences(customer).orElseThrow().marketingConsent())
                .isFalse();
    }

    @Test
    void aMessageWhoseSendWasCutOffByACrashGoesOutOnceAfterTheRestartWithTheSameMessageId() throws Exception {
        String email = unique("crash");
        OrderView order = shipping.placeOnly(email, "Enamel mug");
        MessageView message = only(notifications.ofOrder(order.id()), "order-confirmed");
        // What a crash between "attempt starts" and its outcome leaves behind: a claimed row whose
        // lease has run out and an attempt without an outcome.
        jdbc.sql(
                        """
                        update notifications.messages set status = 'SENDING', attempts = 1,
                            claimed_until = now() - interval '1 second' where id = ?
                        """)
                .param(message.id())
                .update();
        jdbc.sql("insert into notifications.attempts (message_id, number, channel) values (?, 1, 'EMAIL')")
                .param(message.id())
                .update();

        MailDelivery.deliverEverythingDue(dispatcher);
        MailDelivery.deliverEverythingDue(dispatcher);

        List<MimeMessage> received = MailDelivery.to(SMTP, email);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getMessageID()).isEqualTo("<" + message.id() + "@aftercart.demo>");
        MessageView sent = notifications.find(message.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.attemptLog()).extracting(MessageView.Attempt::outcome).containsExactly("UNKNOWN", "SENT");
    }

    @Test
    void anUnreachableMailServerMeansRetriesWithTheAttemptsRecordedNotALostMessage() throws Exception {
        String email = unique("retry");
        OrderView order = shipping.placeOnly(email, "Bamboo whisk");
        MessageView message = only(notifications.ofOrder(order.id()), "order-confirmed");
        SMTP.stop();
        try {
            dispatcher.deliverDue();
        } finally {
            SMTP.start();
        }
        MessageView waiting = notifications.find(message.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(waiting.attemptLog()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("RETRY");
            assertThat(attempt.detail()).startsWith("The mail server could not take it");
        });

        MailDelivery.deliverEverythingDue(dispatcher);

        assertThat(MailDelivery.to(SMTP, email)).hasSize(1);
        assertThat(notifications.find(message.id()).orElseThrow().attemptLog())
                .extracting(MessageView.Attempt::outcome)
                .containsExactly("RETRY", "SENT");
    }

    private void request(MessageKind kind, String dedupeKey, CustomerId customer) {
        transactions.executeWithoutResult(tx -> notifications.request(
                new NotificationRequest(kind, dedupeKey, customer, null, Map.of("code", "THANKS10"), null)));
    }

    private static ContactPreferences preferences(
            ContactChannel channel, boolean consent, LocalTime quietStart, LocalTime quietEnd) {
        return new ContactPreferences(
                channel, Map.of(), consent, quietStart, quietEnd, java.time.ZoneId.of("Asia/Tokyo"), "en");
    }

    private MimeMessage subject(String email, String subject) throws Exception {
        return MailDelivery.to(SMTP, email).stream()
                .filter(mail -> {
                    try {
                        return mail.getSubject().equals(subject);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("No e-mail '" + subject + "' to " + email));
    }

    private static MessageView only(List<MessageView> messages, String kind) {
        return messages.stream()
                .filter(message -> message.kind().equals(kind))
                .reduce((a, b) -> {
                    throw new AssertionError("More than one " + kind + " message");
                })
                .orElseThrow(() -> new AssertionError("No " + kind + " message"));
    }

    private JsonNode jsonLd(String html) {
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(script.find()).as("JSON-LD script").isTrue();
        return json.readTree(script.group(1));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
