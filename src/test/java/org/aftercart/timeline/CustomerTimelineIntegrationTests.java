package org.aftercart.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.CustomerId;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.notifications.Engagement;
import org.aftercart.notifications.MessageStatus;
import org.aftercart.notifications.MessageView;
import org.aftercart.notifications.Notifications;
import org.aftercart.notifications.NotificationsTestSupport;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderPlaced;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.Returns;
import org.aftercart.shared.CustomerTimelineEvent;
import org.aftercart.shared.Money;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.aftercart.wallet.Wallet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's journey through every module lands on their timeline, once, newest first, and on
 * theirs only. Messages go out to a real SMTP server (GreenMail), so that they are sent.
 */
@SpringBootTest(
        properties = {
            "aftercart.fulfillment.hold-window=PT0S",
            "aftercart.notifications.digest-window=PT0S",
            "aftercart.notifications.quiet-hours-start=00:00",
            "aftercart.notifications.quiet-hours-end=00:00"
        })
class CustomerTimelineIntegrationTests {

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
    Returns returns;

    @Autowired
    Wallet wallet;

    @Autowired
    CustomerTimeline timeline;

    @Autowired
    Notifications notifications;

    @Autowired
    Engagement engagement;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /** A fact another module reports through the shared port, naming only the order. */
    record NoteAdded(UUID orderId, Instant at, String text) implements CustomerTimelineEvent {

        @Override
        public @Nullable UUID timelineCustomerId() {
            return null;
        }

        @Override
        public UUID timelineOrderId() {
            return orderId;
        }

        @Override
        public Instant timelineOccurredAt() {
            return at;
        }

        @Override
        public String timelineKind() {
            return "note.added";
        }

        @Override
        public String timelineSummary() {
            return text;
        }
    }

    @Test
    void aJourneyIsOnTheTimelineInOrderNewestFirstOnceEvenWhenAnEventComesTwice() throws Exception {
        Journey journey = journey("journey");
        CustomerId customer = journey.customer();

        List<String> kinds = kinds(customer);
        assertThat(kinds)
                .containsSubsequence(
                        "credit.granted", "return.requested", "message.sent", "parcel.shipped", "order.placed");
        assertThat(kinds).filteredOn("order.placed"::equals).hasSize(1);

        // The same events again, as the publication registry redelivers an event whose listener failed.
        OrderView order = journey.order();
        republish(new OrderPlaced(
                order.id(),
                order.number(),
                order.channel(),
                order.customerId(),
                Money.of("10.00", "EUR"),
                order.paymentStatus(),
                List.of(),
                order.placedAt()));
        NoteAdded note = new NoteAdded(order.id().id(), Instant.now(), "Called about the parcel " + order.number());
        republish(note);
        republish(note);
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(customer).contains("note.added"));
        Thread.sleep(500); // leave the second delivery of the note the time to arrive, if it wrongly would
        List<String> after = kinds(customer);
        assertThat(after).filteredOn("order.placed"::equals).hasSize(1);
        assertThat(after).filteredOn("note.added"::equals).hasSize(1);
        assertThat(after.getFirst()).isEqualTo("note.added");

        TimelinePage contacts = timeline.page(customer, TimelineCategory.CONTACTS, null, 10);
        assertThat(contacts.entries())
                .extracting(TimelineEntry::summary)
                .containsExactly("Called about the parcel " + order.number());
        TimelinePage money = timeline.page(customer, TimelineCategory.MONEY, null, 10);
        assertThat(money.entries()).extracting(TimelineEntry::kind).containsExactly("credit.granted");
    }

    @Test
    void aMessageOpenedTwiceIsOnTheTimelineOnce() throws Exception {
        Journey journey = journey("opener");
        MessageView sent = notifications.ofCustomer(journey.customer()).stream()
                .filter(message -> message.status() == MessageStatus.SENT)
                .findFirst()
                .orElseThrow();
        String signature = NotificationsTestSupport.openSignature(context, sent.id());
        engagement.opened(sent.id(), signature);
        engagement.opened(sent.id(), signature);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> kinds(journey.customer()).contains("message.opened"));
        Thread.sleep(500); // time for a wrongly announced second open to arrive
        List<TimelineEntry> opened =
                timeline.page(journey.customer(), TimelineCategory.MESSAGES, null, 100).entries().stream()
                        .filter(entry -> entry.kind().equals("message.opened"))
                        .toList();
        assertThat(opened).hasSize(1);
        assertThat(opened.getFirst().link())
                .isEqualTo(new TimelineEntry.Link(TimelineEntry.LinkType.MESSAGE, sent.id()));
    }

    @Test
    void aResentMessageIsOnTheTimelineWhenQueuedWithWhoAskedAndAgainWhenSent() throws Exception {
        Journey journey = journey("resend");
        CustomerId customer = journey.customer();
        MessageView sent = notifications.ofCustomer(customer).stream()
                .filter(message -> message.status() == MessageStatus.SENT)
                .findFirst()
                .orElseThrow();
        long sentBefore = count(customer, "message.sent");

        UUID copy = notifications.resend(sent.id(), "agent@shop.example", "lost it");
        notifications.resend(sent.id(), "agent@shop.example", "lost it"); // a double click

        await().atMost(Duration.ofSeconds(10)).until(() -> count(customer, "message.resent") == 1);
        assertThat(notifications.find(copy).orElseThrow().status())
                .as("on the timeline while still queued")
                .isIn(MessageStatus.PENDING, MessageStatus.SENDING);
        TimelineEntry resent = timeline.page(customer, TimelineCategory.MESSAGES, null, 100).entries().stream()
                .filter(entry -> entry.kind().equals("message.resent"))
                .findFirst()
                .orElseThrow();
        assertThat(resent.summary()).contains("agent@shop.example", "queued");
        assertThat(resent.orderId()).isEqualTo(journey.order().id().id());

        // Sending the copy adds its own entry (other messages due, such as the return's, go out too).
        NotificationsTestSupport.deliverEverythingDue(context);
        TimelineEntry.Link theCopy = new TimelineEntry.Link(TimelineEntry.LinkType.MESSAGE, copy);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> timeline.page(customer, TimelineCategory.MESSAGES, null, 100).entries().stream()
                        .anyMatch(entry -> entry.kind().equals("message.sent") && theCopy.equals(entry.link())));
        assertThat(count(customer, "message.sent")).isGreaterThan(sentBefore);
        assertThat(count(customer, "message.resent")).isEqualTo(1);
    }

    private long count(CustomerId customer, String kind) {
        return kinds(customer).stream().filter(kind::equals).count();
    }

    @Test
    void anotherCustomersEventsNeverAppear() throws Exception {
        Journey mine = journey("mine");
        Journey theirs = journey("theirs");

        List<TimelineEntry> entries =
                timeline.page(mine.customer(), null, null, 100).entries();
        assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.customerId())
                .isEqualTo(mine.customer().id()));
        assertThat(entries)
                .extracting(TimelineEntry::summary)
                .noneMatch(summary -> summary.contains(theirs.order().number()))
                .noneMatch(summary -> summary.contains(theirs.returnNumber()));
        assertThat(entries)
                .extracting(TimelineEntry::orderId)
                .doesNotContain(theirs.order().id().id());
    }

    @Test
    void pagesFollowEachOtherWithoutSkippingOrRepeating() throws Exception {
        Journey journey = journey("pages");
        List<TimelineEntry> all =
                timeline.page(journey.customer(), null, null, 100).entries();
        List<TimelineEntry> paged = new java.util.ArrayList<>();
        String before = null;
        do {
            TimelinePage page = timeline.page(journey.customer(), null, before, 2);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(2);
            paged.addAll(page.entries());
            before = page.olderCursor();
        } while (before != null);
        assertThat(paged)
                .extracting(TimelineEntry::id)
                .containsExactlyElementsOf(all.stream().map(TimelineEntry::id).toList());
    }

    private void republish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private List<String> kinds(CustomerId customer) {
        return timeline.page(customer, null, null, 100).entries().stream()
                .map(TimelineEntry::kind)
                .toList();
    }

    record Journey(CustomerId customer, OrderView order, String returnNumber) {}

    /** Order placed and shipped, its messages sent, a return requested, goodwill credit granted. */
    private Journey journey(String who) throws Exception {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var shipped = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory).shipInParcels(email, "Jug");
        OrderView order = shipped.order();
        CustomerId customer = CustomerId.of(order.customerId());
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(customer).contains("parcel.shipped"));
        NotificationsTestSupport.deliverEverythingDue(context);
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(customer).contains("message.sent"));
        var line = order.lines().getFirst();
        orders.recordDelivery(order.id(), Map.of(line.id(), 1), "Delivered in tests", "tests");
        var request = returns.request(new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        line.id(), 1, "changed-mind", null, ReturnOutcome.REFUND, null, null, List.of())),
                false,
                null,
                "customer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(customer).contains("return.requested"));
        wallet.grantStoreCredit(
                customer,
                Money.of("5.00", "EUR"),
                Money.of("0.00", "EUR"),
                "Goodwill",
                "goodwill:" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(customer).contains("credit.granted"));
        return new Journey(customer, order, request.number());
    }
}
