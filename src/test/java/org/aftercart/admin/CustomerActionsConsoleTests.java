package org.aftercart.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aftercart.catalog.Catalog;
import org.aftercart.conversations.Conversations;
import org.aftercart.customers.CustomerId;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.shared.Money;
import org.aftercart.timeline.CustomerTimeline;
import org.aftercart.timeline.TimelineEntry;
import org.aftercart.wallet.Wallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The agent actions on the customer's page: a note, goodwill credit within the limit of the
 * signer's role and refused above it, and a new copy of a sent message.
 */
@SpringBootTest(
        properties = {
            "aftercart.console.goodwill-limit.agent.EUR=25.00",
            "aftercart.console.goodwill-limit.admin.EUR=500.00",
            "aftercart.console.goodwill-limit.associate.EUR=10.00",
            "aftercart.console.goodwill-daily-limit.agent.EUR=40.00"
        })
@AutoConfigureMockMvc
class CustomerActionsConsoleTests {

    static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    MockMvc mvc;

    @Autowired
    Conversations conversations;

    @Autowired
    Wallet wallet;

    @Autowired
    CustomerTimeline timeline;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    ConsoleTestData data;
    OrderView order;
    CustomerId customer;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
        order = data.webOrder();
        customer = CustomerId.of(order.customerId());
    }

    @Test
    void theActionsAreOnTheCustomersPage() throws Exception {
        mvc.perform(get("/console/customers/" + customer)
                        .with(user("agent@shop.example").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"customer-actions\"")))
                .andExpect(content().string(containsString("€25.00")))
                .andExpect(content().string(containsString("/console/customers/" + customer + "/goodwill")));
    }

    @Test
    void aNoteIsKeptAndShown() throws Exception {
        flashOf(post("/console/customers/" + customer + "/notes")
                .param("note", "Prefers to be called after 6pm.")
                .with(csrf())
                .with(user("agent@shop.example").roles("AGENT")));

        assertThat(conversations.notesOf(customer, 5)).singleElement().satisfies(note -> {
            assertThat(note.body()).isEqualTo("Prefers to be called after 6pm.");
            assertThat(note.author()).isEqualTo("agent@shop.example");
        });
        mvc.perform(get("/console/customers/" + customer)
                        .with(user("agent@shop.example").roles("AGENT")))
                .andExpect(content().string(containsString("Prefers to be called after 6pm.")));
        assertThat(flashOf(post("/console/customers/" + customer + "/notes")
                                .param("note", "  ")
                                .with(csrf())
                                .with(user("agent@shop.example").roles("AGENT")))
                        .error())
                .isTrue();
        assertThat(conversations.notesOf(customer, 5)).hasSize(1);
    }

    @Test
    void anAgentGrantsGoodwillUpToTheLimitOnceForADoubleSubmit() throws Exception {
        Flash granted =
                goodwill("25.00", "agent-key", user("agent@shop.example").roles("AGENT"));
        Flash again = goodwill("25.00", "agent-key", user("agent@shop.example").roles("AGENT"));

        assertThat(granted.error()).as(granted.text()).isFalse();
        assertThat(again.error()).as(again.text()).isFalse();
        assertThat(again.text()).contains("Already granted");
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(Money.of("25.00", "EUR"));
        assertThat(wallet.history(customer)).singleElement().satisfies(entry -> assertThat(entry.reason())
                .contains("Goodwill", "late parcel", "agent@shop.example"));
    }

    @Test
    void aboveTheRolesLimitGoodwillIsRefusedAndNothingIsGranted() throws Exception {
        Flash agent = goodwill("25.01", "k1", user("agent@shop.example").roles("AGENT"));
        Flash otherCurrency =
                goodwillIn("5.00", "JPY", "k3", user("agent@shop.example").roles("AGENT"));

        assertThat(agent.error()).isTrue();
        assertThat(agent.text()).contains("€25.01", "above your goodwill limit", "€25.00");
        // The store floor does not open customer pages at all (the role matrix), so grants no goodwill.
        mvc.perform(post("/console/customers/" + customer + "/goodwill")
                        .param("amount", "1.00")
                        .param("currency", "EUR")
                        .param("reason", "late parcel")
                        .param("idempotencyKey", "k2-" + data.tag)
                        .with(csrf())
                        .with(user("store@shop.example").roles("ASSOCIATE")))
                .andExpect(status().isForbidden());
        assertThat(otherCurrency.error()).isTrue();
        assertThat(otherCurrency.text()).contains("JPY");
        assertThat(wallet.history(customer)).isEmpty();

        Flash admin = goodwill("120.00", "k4", user("admin@shop.example").roles("ADMIN"));
        assertThat(admin.error()).as(admin.text()).isFalse();
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(Money.of("120.00", "EUR"));
    }

    @Test
    void aSecondGrantThatWouldPassTheDailyLimitIsRefusedSayingWhatIsLeft() throws Exception {
        RequestPostProcessor agent = user("daily-" + data.tag + "@shop.example").roles("AGENT");
        mvc.perform(get("/console/customers/" + customer).with(agent))
                .andExpect(content().string(containsString("Left today:")))
                .andExpect(content().string(containsString("€40.00")));

        Flash first = goodwill("25.00", "d1", agent);
        Flash second = goodwill("20.00", "d2", agent);

        assertThat(first.error()).as(first.text()).isFalse();
        assertThat(second.error()).isTrue();
        assertThat(second.text()).contains("€20.00", "daily goodwill limit of €40.00", "€15.00 is left today");
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(Money.of("25.00", "EUR"));
        mvc.perform(get("/console/customers/" + customer).with(agent))
                .andExpect(content().string(containsString("€15.00")));

        // What is left can still be granted, and the replay of a granted form is not a new grant.
        assertThat(goodwill("15.00", "d3", agent).error()).isFalse();
        assertThat(goodwill("25.00", "d1", agent).text()).contains("Already granted");
        assertThat(goodwill("0.01", "d4", agent).text()).contains("€0.00 is left today");
        assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(Money.of("40.00", "EUR"));
        // The limit is the agent's own: another agent still has a whole day.
        assertThat(goodwill(
                                "25.00",
                                "d5",
                                user("other-" + data.tag + "@shop.example").roles("AGENT"))
                        .error())
                .isFalse();
    }

    @Test
    void grantsSentAtOnceCannotRaceAroundTheDailyLimit() throws Exception {
        RequestPostProcessor agent = user("race-" + data.tag + "@shop.example").roles("AGENT");
        int attempts = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<Flash>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String key = "race" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return goodwill("15.00", key, agent);
                }));
            }
            start.countDown();
            List<Flash> flashes = new ArrayList<>();
            for (Future<Flash> answer : answers) {
                flashes.add(answer.get(60, TimeUnit.SECONDS));
            }
            // 40.00 a day holds two grants of 15.00, never three, however the requests interleave.
            assertThat(flashes).filteredOn(flash -> !flash.error()).hasSize(2);
            assertThat(flashes).filteredOn(Flash::error).allSatisfy(flash -> assertThat(flash.text())
                    .contains("€10.00 is left today"));
            assertThat(wallet.availableStoreCredit(customer, EUR)).isEqualTo(Money.of("30.00", "EUR"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDailyLimitDefaultsToFourGrantsAndTheDayIsTheShops() {
        GoodwillLimits limits = new GoodwillLimits(
                Map.of(StaffAccounts.Role.AGENT, Map.of(EUR, new java.math.BigDecimal("25.00"))),
                Map.of(StaffAccounts.Role.ADMIN, Map.of(EUR, new java.math.BigDecimal("60.00"))));
        assertThat(limits.dailyLimitFor(List.of(StaffAccounts.Role.AGENT), EUR)).contains(Money.of("100.00", "EUR"));
        assertThat(limits.dailyLimitFor(List.of(StaffAccounts.Role.ADMIN), EUR))
                .as("a daily limit without a per-grant limit allows no goodwill")
                .isEmpty();
        assertThat(limits.dailyLimitFor(List.of(StaffAccounts.Role.AGENT), Currency.getInstance("GBP")))
                .isEmpty();

        // 00:30 on 2 July in London is still 1 July in UTC: the shop's day began at 23:00 UTC.
        Clock halfPastMidnightInLondon = Clock.fixed(Instant.parse("2026-07-01T23:30:00Z"), ZoneId.of("UTC"));
        assertThat(CustomerActionsController.startOfToday(halfPastMidnightInLondon, ZoneId.of("Europe/London")))
                .isEqualTo(Instant.parse("2026-07-01T23:00:00Z"));
    }

    @Test
    void aNoteGoodwillAndAResendByAnAgentReachTheTimelineWithTheAgentsName() throws Exception {
        String agentName = "timeline-" + data.tag + "@shop.example";
        RequestPostProcessor agent = user(agentName).roles("AGENT");
        UUID sent = message("SENT");

        flashOf(post("/console/customers/" + customer + "/notes")
                .param("note", "Asked for a call back.")
                .with(csrf())
                .with(agent));
        assertThat(goodwill("5.00", "timeline", agent).error()).isFalse();
        assertThat(flashOf(post("/console/customers/" + customer + "/messages/" + sent + "/resend")
                                .param("idempotencyKey", "timeline-" + data.tag)
                                .with(csrf())
                                .with(agent))
                        .error())
                .isFalse();

        // The resend shows as soon as it is queued, before any attempt to send it.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> {
                    List<TimelineEntry> entries =
                            timeline.page(customer, null, null, 50).entries();
                    return has(entries, "note.added", agentName)
                            && has(entries, "credit.granted", agentName)
                            && has(entries, "message.resent", agentName);
                });
        assertThat(timeline.page(customer, null, null, 50).entries())
                .filteredOn(entry -> entry.kind().equals("message.resent"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.summary())
                        .isEqualTo(
                                "Message \"shipped\" resent at the request of " + agentName + ": queued to be sent"));
        mvc.perform(get("/console/customers/" + customer).with(agent))
                .andExpect(content().string(containsString("Message resent")))
                .andExpect(content().string(containsString("resent at the request of " + agentName)));
    }

    private static boolean has(List<TimelineEntry> entries, String kind, String who) {
        return entries.stream()
                .anyMatch(entry -> entry.kind().equals(kind) && entry.summary().contains(who));
    }

    @Test
    void aSentMessageIsResentAsOneNewCopyRecordingWhoAsked() throws Exception {
        UUID sent = message("SENT");
        UUID failed = message("FAILED");
        long before = messagesOfCustomer();
        mvc.perform(get("/console/customers/" + customer)
                        .with(user("agent@shop.example").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/messages/" + sent + "/resend")))
                .andExpect(content().string(not(containsString("/messages/" + failed + "/resend"))))
                .andExpect(content().string(containsString("aria-label=\"Send again: Shipped of ")));

        Flash resent = flashOf(resend(sent, "resend-key"));
        Flash repeated = flashOf(resend(sent, "resend-key"));
        Flash refused = flashOf(resend(failed, "other-key"));

        assertThat(resent.error()).as(resent.text()).isFalse();
        assertThat(repeated.error()).isFalse();
        assertThat(refused.error()).isTrue();
        assertThat(messagesOfCustomer()).isEqualTo(before + 1);
        var copy = jdbc.sql(
                        """
                        select kind, status, order_id, facts->>'resentBy' as by, facts->>'resentFrom' as original
                        from notifications.messages where facts->>'resentFrom' = ?
                        """)
                .param(sent.toString())
                .query((rs, row) -> List.of(
                        rs.getString("kind"),
                        rs.getString("status"),
                        rs.getString("order_id"),
                        rs.getString("by"),
                        rs.getString("original")))
                .single();
        assertThat(copy)
                .containsExactly("shipped", "PENDING", order.id().toString(), "agent@shop.example", sent.toString());

        // Another customer's message is not resent from this customer's page.
        mvc.perform(post("/console/customers/" + UUID.randomUUID() + "/messages/" + sent + "/resend")
                        .param("idempotencyKey", "x")
                        .with(csrf())
                        .with(user("agent@shop.example").roles("AGENT")))
                .andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.RequestBuilder resend(UUID message, String key) {
        return post("/console/customers/" + customer + "/messages/" + message + "/resend")
                .param("idempotencyKey", key)
                .with(csrf())
                .with(user("agent@shop.example").roles("AGENT"));
    }

    private Flash goodwill(String amount, String key, RequestPostProcessor who) throws Exception {
        return goodwillIn(amount, "EUR", key, who);
    }

    private Flash goodwillIn(String amount, String currency, String key, RequestPostProcessor who) throws Exception {
        return flashOf(post("/console/customers/" + customer + "/goodwill")
                .param("amount", amount)
                .param("currency", currency)
                .param("reason", "late parcel")
                .param("idempotencyKey", key + "-" + data.tag)
                .with(csrf())
                .with(who));
    }

    private Flash flashOf(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        var result = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
        return (Flash) result.getFlashMap().get(Flash.ATTRIBUTE);
    }

    private long messagesOfCustomer() {
        return jdbc.sql("select count(*) from notifications.messages where customer_id = ?")
                .param(customer.id())
                .query(Long.class)
                .single();
    }

    private UUID message(String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into notifications.messages (id, kind, purpose, dedupe_key, customer_id, order_id,
                            status, attempts, channel, recipient, subject, facts)
                        values (?, 'shipped', 'TRANSACTIONAL', ?, ?, ?, ?, 1, 'EMAIL', ?, 'On its way',
                                '{"orderNumber":"x"}'::jsonb)
                        """)
                .params(id, "test:" + id, customer.id(), order.id().id(), status, data.email())
                .update();
        return id;
    }
}
