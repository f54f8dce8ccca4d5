package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.LateShipment;
import org.aftercart.inventory.Inventory;
import org.aftercart.notifications.Notifications;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.returns.ReturnSummary;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.support.OperationsScenes;
import org.aftercart.tracking.StuckParcel;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The operations lists: each finds what it should and leaves out what it should not, through the
 * modules' APIs and the console pages. The database is shared, so every check looks for this test's
 * own orders, parcels and returns among the rows, never at counts of the whole table.
 */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class OperationsConsoleTests {

    private static final RequestPostProcessor AGENT = user("agent@example.org").roles("AGENT");

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    TrackingIntake intake;

    @Autowired
    Returns returns;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    OperationsScenes scenes;

    @BeforeEach
    void setUp() {
        scenes = new OperationsScenes(orders, fulfillment, tracking, intake, returns, catalog, inventory);
    }

    @Test
    void ordersNotShippedByTheirShipByTimeAreListedMostOverdueFirst() throws Exception {
        OrderView late = scenes.place(Instant.now().minus(Duration.ofDays(3)));
        OrderView lateButShipped = scenes.place(Instant.now().minus(Duration.ofDays(3)));
        scenes.ship(lateButShipped);
        OrderView recent = scenes.place(null);
        OrderView lateAndCancelled = scenes.place(Instant.now().minus(Duration.ofDays(3)));
        orders.cancel(lateAndCancelled.id(), "changed mind", "test");

        List<UUID> listed = all((page, size) -> fulfillment.notShippedInTime(page, size)).stream()
                .map(LateShipment::orderId)
                .toList();
        assertThat(listed).contains(late.id().id());
        assertThat(listed)
                .doesNotContain(
                        lateButShipped.id().id(),
                        recent.id().id(),
                        lateAndCancelled.id().id());
        assertThat(fulfillment.countNotShippedInTime()).isGreaterThanOrEqualTo(1);
        List<LateShipment> rows = all((page, size) -> fulfillment.notShippedInTime(page, size));
        assertThat(rows).isSortedAccordingTo((a, b) -> a.shipBy().compareTo(b.shipBy()));

        UUID released = scenes.fulfillmentOrderOf(late).id();
        // Released at once here (no hold window): the warehouse has it, so there is nothing to hurry.
        mvc.perform(post("/console/operations/late-orders/{id}/release", released)
                        .with(AGENT)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/operations/late-orders"))
                .andExpect(flash().attributeExists(Flash.ATTRIBUTE));
        mvc.perform(get("/console/operations/late-orders").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Orders not shipped in time")));
    }

    @Test
    void anHtmxReleaseAnswersWithItsRowThenTheOutcomeForTheLiveRegion() throws Exception {
        OrderView late = scenes.place(Instant.now().minus(Duration.ofDays(3)));
        UUID id = scenes.fulfillmentOrderOf(late).id();

        String answer = releaseWithHtmx(id);

        assertThat(answer.strip()).startsWith("<tr id=\"late-" + id + "\"");
        assertThat(answer).contains(late.number(), "At the warehouse", "Released");
        assertThat(answer.indexOf("id=\"row-status\" hx-swap-oob=\"innerHTML\""))
                .as("the outcome comes after the row")
                .isGreaterThan(answer.indexOf("</tr>"));
        assertThat(answer)
                .contains("notice-success", "Order " + late.number() + " is released")
                .doesNotContain("<html");

        // A second click (two agents on the same list) changes nothing and says the same.
        String again = releaseWithHtmx(id);
        assertThat(again.strip()).startsWith("<tr id=\"late-" + id + "\"");
        assertThat(again).contains("At the warehouse", "notice-success");
    }

    private String releaseWithHtmx(UUID id) throws Exception {
        return mvc.perform(post("/console/operations/late-orders/{id}/release", id)
                        .header("HX-Request", "true")
                        .with(AGENT)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aFailedMessageIsRetriedFromTheListInPlaceOrWithoutScriptByReloadingTheList() throws Exception {
        OrderView order = scenes.place(null);
        UUID first = failedMessage(order);
        UUID second = failedMessage(order);
        mvc.perform(get("/console/messages").with(AGENT))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"message-" + first + "\""),
                                containsString("hx-post=\"/console/messages/" + first + "/retry\""),
                                containsString("id=\"row-status\""))));
        mvc.perform(get("/console/messages").with(user("analyst@example.org").roles("ANALYST")))
                .andExpect(content().string(not(containsString("/retry\""))));

        String answer = mvc.perform(post("/console/messages/{id}/retry", first)
                        .param("from", "list")
                        .header("HX-Request", "true")
                        .with(AGENT)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer.strip()).startsWith("<tr id=\"message-" + first + "\"");
        assertThat(answer).contains("notice-success", "will be sent again").doesNotContain("Failed</span>");

        // Without script: the form posts, and the list comes back with the outcome.
        mvc.perform(post("/console/messages/{id}/retry", second)
                        .param("from", "list")
                        .with(AGENT)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/messages"))
                .andExpect(flash().attributeExists(Flash.ATTRIBUTE));
        // From the message's own page, back to it, as before.
        mvc.perform(post("/console/messages/{id}/retry", second).with(AGENT).with(csrf()))
                .andExpect(redirectedUrl("/console/messages/" + second));
    }

    private UUID failedMessage(OrderView order) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into notifications.messages (id, kind, purpose, dedupe_key, customer_id, order_id,
                            status, attempts, channel, recipient, subject, facts)
                        values (?, 'shipped', 'TRANSACTIONAL', ?, ?::uuid, ?, 'FAILED', 8, 'EMAIL', 'jo@example.org',
                                'On its way', '{"orderNumber":"x"}'::jsonb)
                        """)
                .params(id, "test:" + id, order.customerId(), order.id().id())
                .update();
        return id;
    }

    @Test
    void parcelsDelayedOrNotScannedForTheChosenDaysAreListedButNotDeliveredOnes() throws Exception {
        OrderView quiet = scenes.place(null);
        String quietParcel = scenes.ship(quiet);
        OrderView troubled = scenes.place(null);
        String troubledParcel = scenes.ship(troubled);
        scenes.checkpoint(troubledParcel, "EXCEPTION", Instant.now().minusSeconds(60));
        OrderView delivered = scenes.place(null);
        String deliveredParcel = scenes.ship(delivered);
        scenes.checkpoint(deliveredParcel, "DELIVERED", Instant.now().minusSeconds(60));

        List<UUID> afterThreeDays = stuckOrders(Duration.ofDays(3));
        assertThat(afterThreeDays).contains(troubled.id().id());
        assertThat(afterThreeDays)
                .doesNotContain(quiet.id().id(), delivered.id().id());

        // Counted from shipping when never scanned: with no days of silence allowed, it is stuck too.
        List<UUID> atOnce = stuckOrders(Duration.ZERO);
        assertThat(atOnce).contains(troubled.id().id(), quiet.id().id());
        assertThat(atOnce).doesNotContain(delivered.id().id());
        assertThat(quietParcel).isNotBlank();

        mvc.perform(get("/console/operations/stuck-parcels").param("days", "0").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Parcels delayed or stuck")));
    }

    @Test
    void returnsWaitingForReceiptOrRefundAreListedWithLinksToTheirPages() throws Exception {
        OrderView order = scenes.place(null);
        String parcel = scenes.ship(order);
        scenes.checkpoint(parcel, "DELIVERED", Instant.now().minusSeconds(60));
        ReturnView approved = scenes.requestReturn(order, "too-small", ReturnOutcome.REFUND);
        assertThat(approved.status()).isEqualTo(ReturnStatus.APPROVED);

        OrderView other = scenes.place(null);
        String otherParcel = scenes.ship(other);
        scenes.checkpoint(otherParcel, "DELIVERED", Instant.now().minusSeconds(60));
        ReturnView refundRefused = scenes.requestReturn(other, "too-small", ReturnOutcome.REFUND);
        // Reaching it takes a payment provider refusing the refund; the list only reads the status.
        jdbc.sql("update returns.returns set status = 'MANUAL_REFUND_REQUIRED' where id = ?")
                .param(refundRefused.id().id())
                .update();

        assertThat(waitingForReceipt(Duration.ZERO)).contains(approved.number()).doesNotContain(refundRefused.number());
        assertThat(waitingForReceipt(Duration.ofDays(1))).doesNotContain(approved.number());
        List<String> forRefund = all((page, size) -> returns.waitingForRefund(page, size)).stream()
                .map(ReturnSummary::number)
                .toList();
        assertThat(forRefund).contains(refundRefused.number()).doesNotContain(approved.number());

        mvc.perform(get("/console/operations/returns")
                        .param("waiting", "receipt")
                        .param("days", "0")
                        .with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Returns waiting for receipt")));
        mvc.perform(get("/console/operations/returns")
                        .param("waiting", "refund")
                        .with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Returns waiting for a refund")));
    }

    @Test
    void aFailedWebhookDeliveryIsCountedAmongFailedDeliveriesAndRetriedFromTheMessagesPage() throws Exception {
        long before = notifications.countProblems();
        UUID delivery = UUID.randomUUID();
        String endpoint = UUID.randomUUID().toString();
        // Written straight into the table, as the dispatcher is off in tests.
        jdbc.sql(
                        """
                        insert into notifications.messages (id, kind, purpose, dedupe_key, status, attempts, channel,
                            recipient, reason)
                        values (?, 'order.shipped', 'WEBHOOK', ?, 'FAILED', 8, 'WEBHOOK', ?, 'HTTP 503 after 8 attempts')
                        """)
                .params(delivery, "test:" + delivery, endpoint)
                .update();

        assertThat(notifications.countProblems()).isGreaterThanOrEqualTo(before + 1);
        mvc.perform(get("/console/messages").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("/console/messages/" + delivery),
                                containsString(endpoint),
                                containsString("HTTP 503 after 8 attempts"))));
        mvc.perform(post("/console/messages/{id}/retry", delivery).with(AGENT).with(csrf()))
                .andExpect(redirectedUrl("/console/messages/" + delivery));
        assertThat(notifications.find(delivery).orElseThrow().status().name()).isEqualTo("PENDING");
    }

    @Test
    void theOverviewCountsEachListAndLinksToItAndAnonymousVisitorsSignInFirst() throws Exception {
        mvc.perform(get("/console/operations").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("/console/operations/late-orders"),
                                containsString("/console/operations/stuck-parcels"),
                                containsString("/console/messages"),
                                containsString("/console/operations/returns?waiting=receipt"),
                                containsString("/console/operations/returns?waiting=refund"),
                                not(containsString("??")))));
        for (String path : List.of(
                "/console/operations",
                "/console/operations/late-orders",
                "/console/operations/stuck-parcels",
                "/console/operations/returns",
                "/console/dashboard")) {
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
    }

    private List<UUID> stuckOrders(Duration silentFor) {
        return all((page, size) -> tracking.stuckParcels(silentFor, page, size)).stream()
                .map(StuckParcel::orderId)
                .toList();
    }

    private List<String> waitingForReceipt(Duration untouchedFor) {
        return all((page, size) -> returns.waitingForReceipt(untouchedFor, page, size)).stream()
                .map(ReturnSummary::number)
                .toList();
    }

    /** Every page of a list (the shared database may hold other tests' rows before ours). */
    private static <T> List<T> all(BiFunction<Integer, Integer, List<T>> pages) {
        List<T> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<T> found = pages.apply(page, 100);
            rows.addAll(found);
            if (found.size() < 100) {
                return rows;
            }
        }
    }
}
