package org.aftercart.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.notifications.MessageUndeliverable;
import org.aftercart.notifications.NotificationsTestSupport;
import org.aftercart.orders.OrderManagement;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * E-mail bounces end to end, on real servers: the application sends an order confirmation through a
 * real SMTP server (GreenMail) with the bounce address as envelope sender, a delivery status
 * notification in the shape a real mail server writes (samples in {@code src/test/resources/bounces},
 * see the README there for where each shape comes from) arrives in the bounce mailbox, and the
 * mailbox is read over IMAP (and POP3) or the bounce is handed over by HTTP.
 */
@SpringBootTest(
        properties = {
            "aftercart.notifications.digest-window=PT0S",
            "aftercart.notifications.quiet-hours-start=00:00",
            "aftercart.notifications.quiet-hours-end=00:00",
            "aftercart.notifications.bounces.address=" + EmailBounceIntegrationTests.BOUNCES,
            "aftercart.notifications.bounces.username=" + EmailBounceIntegrationTests.LOGIN,
            "aftercart.notifications.bounces.password=" + EmailBounceIntegrationTests.PASSWORD,
            // Rounds are run by the tests, not by the clock.
            "aftercart.notifications.bounces.poll-every=PT1H",
            "aftercart.notifications.bounces.webhook-secret=old-secret, " + EmailBounceIntegrationTests.SECRET
        })
@AutoConfigureMockMvc
@RecordApplicationEvents
class EmailBounceIntegrationTests {

    static final String BOUNCES = "bounces@shop.example";
    static final String LOGIN = "bounces";
    static final String PASSWORD = "mailbox-secret";
    static final String SECRET = "bounce-webhook-secret";

    static final GreenMail MAIL;
    static final GreenMailUser MAILBOX;

    static {
        MAIL = new GreenMail(new ServerSetup[] {
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_POP3)
        });
        MAIL.start();
        MAILBOX = MAIL.setUser(BOUNCES, LOGIN, PASSWORD);
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add(
                "aftercart.notifications.bounces.store-url",
                () -> "imap://127.0.0.1:" + MAIL.getImap().getPort() + "/INBOX");
    }

    @AfterAll
    static void stopServers() {
        MAIL.stop();
    }

    @Autowired
    BounceMailbox mailbox;

    @Autowired
    EmailBounces bounces;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

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
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    @Test
    void theSmtpServerIsToldTheBounceAddressAsEnvelopeSender() throws Exception {
        Sent sent = sendConfirmation();

        MimeMessage received = Arrays.stream(MAIL.getReceivedMessages())
                .filter(mail -> messageId(mail).equals(sent.providerId()))
                .findFirst()
                .orElseThrow();
        assertThat(received.getHeader("Return-Path")).containsExactly("<" + BOUNCES + ">");
        assertThat(received.getFrom()[0].toString()).contains("orders@aftercart.demo");
    }

    @Test
    void aPostfixBounceInTheMailboxMakesTheMessageUndeliverableAndIsDeleted() throws Exception {
        Sent sent = sendConfirmation();
        deliverToMailbox("postfix-user-unknown.eml", sent);

        BounceMailbox.Round round = mailbox.readRound();

        assertThat(round.count(EmailBounces.Outcome.BOUNCED)).isEqualTo(1);
        assertThat(status(sent)).isEqualTo("UNDELIVERABLE");
        assertThat(reason(sent))
                .isEqualTo("The recipient's mail server reported 5.1.1: smtp; 550 5.1.1 <" + sent.recipient()
                        + ">: Recipient address rejected: User unknown");
        assertThat(events.stream(MessageUndeliverable.class)).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo(sent.id());
            assertThat(event.kind()).isEqualTo("order-confirmed");
            assertThat(event.reason()).contains("5.1.1", "User unknown");
        });
        assertThat(inMailbox()).isZero();

        // The same bounce again (a second report, or a round that read it twice): nothing changes.
        deliverToMailbox("postfix-user-unknown.eml", sent);
        BounceMailbox.Round again = mailbox.readRound();
        assertThat(again.count(EmailBounces.Outcome.NOT_OURS)).isEqualTo(1);
        BounceMailbox.Round empty = mailbox.readRound();
        assertThat(empty.ran()).isTrue();
        assertThat(empty.outcomes()).isEmpty();
        assertThat(events.stream(MessageUndeliverable.class)).hasSize(1);
        assertThat(inMailbox()).isZero();
    }

    @Test
    void gmailAndEximBouncesReturningTheWholeMessageAreReadToo() throws Exception {
        Sent gmail = sendConfirmation();
        Sent exim = sendConfirmation();
        deliverToMailbox("gmail-no-such-user.eml", gmail);
        deliverToMailbox("exim-mailbox-full.eml", exim);

        assertThat(mailbox.readRound().count(EmailBounces.Outcome.BOUNCED)).isEqualTo(2);

        assertThat(status(gmail)).isEqualTo("UNDELIVERABLE");
        assertThat(reason(gmail))
                .startsWith("The recipient's mail server reported 5.1.1: smtp; 550-5.1.1 The email account that"
                        + " you tried to reach does not exist. Please try 550-5.1.1 double-checking")
                .endsWith("- gsmtp");
        assertThat(status(exim)).isEqualTo("UNDELIVERABLE");
        assertThat(reason(exim)).isEqualTo("The recipient's mail server reported 5.0.0: smtp; 552 5.2.2 Mailbox full");
        assertThat(inMailbox()).isZero();
    }

    @Test
    void aServerThatGaveUpAfterTemporaryFailuresIsABounceButADelayWarningIsNot() throws Exception {
        Sent expired = sendConfirmation();
        Sent delayed = sendConfirmation();
        deliverToMailbox("postfix-expired.eml", expired);
        deliverToMailbox("postfix-delayed.eml", delayed);

        BounceMailbox.Round round = mailbox.readRound();

        assertThat(round.count(EmailBounces.Outcome.BOUNCED)).isEqualTo(1);
        assertThat(round.count(EmailBounces.Outcome.NO_FAILURE)).isEqualTo(1);
        assertThat(status(expired)).isEqualTo("UNDELIVERABLE");
        assertThat(reason(expired))
                .isEqualTo("The recipient's mail server reported 4.4.1 and gave up retrying: X-Postfix; delivery"
                        + " temporarily suspended: connect to mx.example.org[192.0.2.25]:25: Connection timed out");
        assertThat(status(delayed)).isEqualTo("SENT");
        assertThat(events.stream(MessageUndeliverable.class))
                .singleElement()
                .satisfies(event -> assertThat(event.messageId()).isEqualTo(expired.id()));
        assertThat(inMailbox()).as("the delay warning is deleted too").isZero();
    }

    @Test
    void mailThatIsNotABounceAndBouncesOfUnknownMessagesAreDroppedWithoutEffect() throws Exception {
        Sent sent = sendConfirmation();
        deliverToMailbox("out-of-office.eml", sent);
        Sent unknown = new Sent(UUID.randomUUID(), sent.recipient(), "<" + UUID.randomUUID() + "@aftercart.demo>");
        deliverToMailbox("postfix-user-unknown.eml", unknown);
        MAILBOX.deliver(mail("Subject: Cheap watches\r\nFrom: spam@example.net\r\nContent-Type: multipart/report;"
                + " report-type=delivery-status; boundary=x\r\n\r\nnot really a report\r\n"));

        BounceMailbox.Round round = mailbox.readRound();

        assertThat(round.count(EmailBounces.Outcome.NOT_A_REPORT)).isEqualTo(2);
        assertThat(round.count(EmailBounces.Outcome.NOT_OURS)).isEqualTo(1);
        assertThat(status(sent)).isEqualTo("SENT");
        assertThat(events.stream(MessageUndeliverable.class)).isEmpty();
        assertThat(inMailbox()).isZero();
    }

    @Test
    void thePop3MailboxIsReadTheSameWay() throws Exception {
        Sent sent = sendConfirmation();
        deliverToMailbox("postfix-user-unknown.eml", sent);
        BounceMailbox pop3 = new BounceMailbox(
                new BounceSettings(
                        null,
                        "pop3://127.0.0.1:" + MAIL.getPop3().getPort() + "/INBOX",
                        LOGIN,
                        PASSWORD,
                        Duration.ofHours(1),
                        100,
                        Duration.ofSeconds(10),
                        null),
                bounces,
                dataSource);

        assertThat(pop3.readRound().count(EmailBounces.Outcome.BOUNCED)).isEqualTo(1);

        assertThat(status(sent)).isEqualTo("UNDELIVERABLE");
        assertThat(inMailbox()).isZero();
    }

    @Test
    void whileAnotherInstanceReadsTheMailboxThisOneSkipsItsRound() throws Exception {
        Sent sent = sendConfirmation();
        deliverToMailbox("postfix-user-unknown.eml", sent);

        try (Connection other = dataSource.getConnection();
                var lock = other.prepareStatement(
                        "select pg_advisory_lock(hashtextextended('notifications.bounce_mailbox', 0))")) {
            lock.execute();
            try {
                assertThat(mailbox.readRound().ran()).isFalse();
                assertThat(status(sent)).isEqualTo("SENT");
                assertThat(inMailbox()).isEqualTo(1);
            } finally {
                try (var unlock = other.prepareStatement(
                        "select pg_advisory_unlock(hashtextextended('notifications.bounce_mailbox', 0))")) {
                    unlock.execute();
                }
            }
        }

        assertThat(mailbox.readRound().count(EmailBounces.Outcome.BOUNCED)).isEqualTo(1);
        assertThat(status(sent)).isEqualTo("UNDELIVERABLE");
    }

    @Test
    void aBounceHandedOverByHttpWithTheSecretIsTaken() throws Exception {
        Sent sent = sendConfirmation();
        byte[] bounce = sample("gmail-no-such-user.eml", sent);

        assertThat(post(bounce, "Bearer " + SECRET)).hasStatus(HttpStatus.ACCEPTED);

        assertThat(status(sent)).isEqualTo("UNDELIVERABLE");
        assertThat(reason(sent)).contains("5.1.1", "does not exist");
        assertThat(events.stream(MessageUndeliverable.class)).hasSize(1);

        // The previous secret still works while it is rotated out, and a repeat changes nothing.
        assertThat(post(bounce, "Bearer old-secret")).hasStatus(HttpStatus.ACCEPTED);
        assertThat(events.stream(MessageUndeliverable.class)).hasSize(1);
    }

    @Test
    void aBounceHandedOverByHttpWithoutTheRightSecretIsRefusedAndChangesNothing() throws Exception {
        Sent sent = sendConfirmation();
        byte[] bounce = sample("postfix-user-unknown.eml", sent);

        for (String authorization : new String[] {null, "Bearer wrong-secret", "Bearer " + SECRET + "x", SECRET}) {
            MvcTestResult refused = post(bounce, authorization);
            assertThat(refused)
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("Bearer");
        }

        assertThat(status(sent)).isEqualTo("SENT");
        assertThat(events.stream(MessageUndeliverable.class)).isEmpty();
    }

    @Test
    void anythingTakenByHttpThatIsNotABounceOfOursGetsTheSameAnswer() throws Exception {
        Sent sent = sendConfirmation();

        assertThat(post(sample("out-of-office.eml", sent), "Bearer " + SECRET)).hasStatus(HttpStatus.ACCEPTED);
        assertThat(post(sample("postfix-delayed.eml", sent), "Bearer " + SECRET))
                .hasStatus(HttpStatus.ACCEPTED);
        Sent unknown = new Sent(UUID.randomUUID(), sent.recipient(), "<" + UUID.randomUUID() + "@aftercart.demo>");
        assertThat(post(sample("postfix-user-unknown.eml", unknown), "Bearer " + SECRET))
                .hasStatus(HttpStatus.ACCEPTED);

        assertThat(status(sent)).isEqualTo("SENT");
        assertThat(events.stream(MessageUndeliverable.class)).isEmpty();
    }

    @Test
    void withoutASecretTheEndpointRefusesEverything() {
        BounceWebhookController unconfigured = new BounceWebhookController(
                new BounceSettings(null, null, null, null, Duration.ofMinutes(1), 100, Duration.ofSeconds(30), " "),
                bounces);

        assertThatThrownBy(() -> unconfigured.receive("Bearer ", new byte[] {1}))
                .isInstanceOf(BounceWebhookProblem.class)
                .hasMessageContaining("AFTERCART_BOUNCES_WEBHOOK_SECRET");
    }

    @Test
    void aBodyOverTheRequestSizeLimitIsRefused() throws Exception {
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');

        assertThat(post(huge, "Bearer " + SECRET)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    }

    /** An e-mail the application sent, as recorded. */
    record Sent(UUID id, String recipient, String providerId) {}

    /** Places an order and delivers its confirmation through the SMTP server. */
    Sent sendConfirmation() throws InterruptedException {
        String recipient = "bounce-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        new ShippedOrders(orders, fulfillment, tracking, catalog, inventory).placeOnly(recipient, "Wool blanket");
        NotificationsTestSupport.deliverEverythingDue(context);
        return jdbc.sql(
                        """
                        select id, recipient, provider_id from notifications.messages
                        where recipient = ? and channel = 'EMAIL' and status = 'SENT'
                        """)
                .param(recipient)
                .query((rs, row) -> new Sent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .single();
    }

    void deliverToMailbox(String sample, Sent about) throws Exception {
        MAILBOX.deliver(mail(new String(sample(sample, about), StandardCharsets.UTF_8)));
    }

    static byte[] sample(String name, Sent about) throws IOException {
        try (InputStream in = EmailBounceIntegrationTests.class.getResourceAsStream("/bounces/" + name)) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.replace("{{RECIPIENT}}", about.recipient())
                    .replace("{{MESSAGE_ID}}", about.providerId())
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    static MimeMessage mail(String raw) throws Exception {
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    MvcTestResult post(byte[] body, @Nullable String authorization) {
        var request = mvc.post()
                .uri("/webhooks/email/bounces")
                .contentType("message/rfc822")
                .content(body);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.exchange();
    }

    int inMailbox() throws Exception {
        return MAIL.getManagers().getImapHostManager().getInbox(MAILBOX).getMessageCount();
    }

    String status(Sent sent) {
        return jdbc.sql("select status from notifications.messages where id = ?")
                .param(sent.id())
                .query(String.class)
                .single();
    }

    String reason(Sent sent) {
        return jdbc.sql("select reason from notifications.messages where id = ?")
                .param(sent.id())
                .query(String.class)
                .single();
    }

    static String messageId(MimeMessage mail) {
        try {
            return String.valueOf(mail.getMessageID());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
