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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.ExchangeDelivery;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnId;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console's return pages and the store counter through the whole MVC and security stack. */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class ReturnAdminControllerTests {

    private static final RequestPostProcessor AGENT = user("agent@example.org").roles("AGENT");
    private static final RequestPostProcessor ASSOCIATE =
            user("associate@example.org").roles("ASSOCIATE");

    /** The smallest PNG: a 1×1 pixel. */
    private static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Returns returns;

    @Autowired
    JdbcClient jdbc;

    ConsoleTestData data;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndPostsNeedTheCsrfToken() throws Exception {
        mvc.perform(get("/console/returns")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/console/store-returns")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        ReturnView waiting = awaitingApproval();
        mvc.perform(post("/console/returns/{id}/approve", waiting.id().id()).with(AGENT))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/store-returns")
                        .param("orderId", waiting.orderId().toString())
                        .with(ASSOCIATE))
                .andExpect(status().isForbidden());
        assertThat(statusOf(waiting)).isEqualTo(ReturnStatus.REQUESTED);
    }

    @Test
    void listShowsReturnsByStatusNewestFirstAndFindsThemByNumber() throws Exception {
        ReturnView waiting = awaitingApproval();
        ReturnView approved = approvedByMail();

        mvc.perform(get("/console/returns").param("q", waiting.orderNumber()).with(ASSOCIATE))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(waiting.number()),
                                containsString("Awaiting approval"),
                                containsString("€50.00"),
                                containsString(data.email()),
                                containsString("<th scope=\"col\">Age</th>"),
                                containsString("today"))));
        mvc.perform(get("/console/returns")
                        .param("status", "requested")
                        .param("q", "R-" + waiting.orderNumber())
                        .with(AGENT))
                .andExpect(content()
                        .string(allOf(containsString(waiting.number()), containsString("aria-current=\"page\""))));
        mvc.perform(get("/console/returns")
                        .param("status", "approved")
                        .param("q", waiting.orderNumber())
                        .with(AGENT))
                .andExpect(content()
                        .string(allOf(not(containsString(waiting.number())), containsString("No returns here."))));
        mvc.perform(get("/console/returns")
                        .param("status", "approved")
                        .param("q", approved.number())
                        .with(AGENT))
                .andExpect(content().string(containsString(approved.number())));
        mvc.perform(get("/console/returns")
                        .param("lang", "fr")
                        .param("q", waiting.number())
                        .with(AGENT))
                .andExpect(content().string(allOf(containsString("À approuver"), containsString("aujourd’hui"))));
    }

    @Test
    void receivingAReturnThatWaitsForApprovalIsRefusedWithTheModulesReason() throws Exception {
        ReturnView waiting = awaitingApproval();
        UUID item = waiting.items().getFirst().id();

        mvc.perform(post("/console/returns/{id}/receive", waiting.id().id())
                        .param("quantity-" + item, "1")
                        .param("condition-" + item, "NEW")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(redirectedUrl("/console/returns/" + waiting.id()))
                .andExpect(flash().attribute(
                                "flash",
                                flashText(allOf(
                                        containsString("That step is not possible in the return’s status"),
                                        containsString("is REQUESTED: it cannot be received")))));
        assertThat(statusOf(waiting)).isEqualTo(ReturnStatus.REQUESTED);

        mvc.perform(get("/console/returns/{id}", waiting.id().id()).with(AGENT))
                .andExpect(content()
                        .string(allOf(
                                containsString("Return " + waiting.number()),
                                containsString("Doesn’t work properly"),
                                containsString("It stopped"),
                                containsString("Waiting for a person to approve"),
                                containsString("name=\"_csrf\""),
                                containsString("/approve\""),
                                containsString("/reject\""),
                                not(containsString("/resolve\"")))));
    }

    @Test
    void approveThenMarkInTransitReceiveAndResolveWithARefund() throws Exception {
        ReturnView waiting = awaitingApproval();
        UUID id = waiting.id().id();
        UUID item = waiting.items().getFirst().id();

        mvc.perform(post("/console/returns/{id}/approve", id)
                        .param("note", "Looks fine")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(redirectedUrl("/console/returns/" + id))
                .andExpect(flash().attribute("flash", flashText(containsString("Approved"))));
        mvc.perform(post("/console/returns/{id}/approve", id).with(csrf()).with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("is APPROVED: it cannot be approved"))));

        mvc.perform(post("/console/returns/{id}/in-transit", id)
                        .param("carrier", "La Poste")
                        .param("trackingNumber", "RT" + data.tag.toUpperCase())
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("In transit"))));
        mvc.perform(post("/console/returns/{id}/resolve", id).with(csrf()).with(AGENT))
                .andExpect(
                        flash().attribute("flash", flashText(containsString("is IN_TRANSIT: it cannot be resolved"))));

        mvc.perform(post("/console/returns/{id}/receive", id)
                        .param("quantity-" + item, "5")
                        .param("condition-" + item, "NEW")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("cannot receive 5"))));
        mvc.perform(post("/console/returns/{id}/receive", id)
                        .param("quantity-" + item, "two")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("Give a number of units"))));
        mvc.perform(post("/console/returns/{id}/receive", id)
                        .param("quantity-" + item, "2")
                        .param("condition-" + item, "OPENED")
                        .param("resellable-" + item, "true")
                        .param("location-" + item, "MAIN")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("Received"))));

        mvc.perform(post("/console/returns/{id}/resolve", id).with(csrf()).with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("Resolved"))));
        ReturnView done = returns.find(waiting.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(done.refunded()).hasToString("50.00 EUR");
        assertThat(done.steps()).extracting(ReturnView.Step::actor).contains("staff:agent@example.org");

        mvc.perform(get("/console/returns/{id}", id).with(AGENT))
                .andExpect(content()
                        .string(allOf(
                                containsString("2 unit(s), Opened"),
                                containsString("restocked at MAIN"),
                                containsString("Looks fine"),
                                containsString("<strong>Requested</strong>"),
                                not(containsString("Next steps")))));
    }

    @Test
    void rejectAndCancelNeedAReason() throws Exception {
        ReturnView waiting = awaitingApproval();
        UUID id = waiting.id().id();
        mvc.perform(post("/console/returns/{id}/reject", id)
                        .param("reason", " ")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("Give a reason"))));
        mvc.perform(post("/console/returns/{id}/reject", id)
                        .param("reason", "Outside our policy")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("Rejected"))));
        assertThat(statusOf(waiting)).isEqualTo(ReturnStatus.REJECTED);
        mvc.perform(post("/console/returns/{id}/cancel", id)
                        .param("reason", "Changed")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(
                        flash().attribute("flash", flashText(containsString("is REJECTED: it cannot be cancelled"))));

        ReturnView approved = approvedByMail();
        mvc.perform(post("/console/returns/{id}/cancel", approved.id().id())
                        .param("reason", "The customer kept it")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("Cancelled"))));
        assertThat(statusOf(approved)).isEqualTo(ReturnStatus.CANCELLED);
    }

    @Test
    void aRefundTheProviderRefusedIsMarkedRefundedByHandWithAReference() throws Exception {
        ReturnView approved = approvedByMail();
        UUID id = approved.id().id();
        mvc.perform(post("/console/returns/{id}/refunded-by-hand", id)
                        .param("reference", "TRANSFER-1")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("cannot be marked refunded by hand"))));

        UUID item = approved.items().getFirst().id();
        mvc.perform(post("/console/returns/{id}/receive", id)
                        .param("quantity-" + item, "2")
                        .param("condition-" + item, "NEW")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("Received"))));
        // The offline provider never refuses: the refusal is written as the returns module records it.
        jdbc.sql("update returns.returns set status = 'MANUAL_REFUND_REQUIRED', refund_amount = 50.00 where id = ?")
                .param(id)
                .update();
        mvc.perform(get("/console/returns/{id}", id).with(AGENT))
                .andExpect(content().string(containsString("refused the refund of €50.00")));
        mvc.perform(post("/console/returns/{id}/refunded-by-hand", id)
                        .param("reference", "")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("Give a reference"))));
        mvc.perform(post("/console/returns/{id}/refunded-by-hand", id)
                        .param("reference", "TRANSFER-1")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(flash().attribute("flash", flashText(containsString("Resolved"))));
        assertThat(returns.find(approved.id()).orElseThrow().steps().getLast().note())
                .isEqualTo("Refunded by hand: TRANSFER-1");
    }

    @Test
    void photosOfAnItemAreShownAsThumbnailsToStaffOnly() throws Exception {
        ReturnView approved = approvedByMail();
        UUID photo = returns.storePhoto(
                PNG, approved.id(), approved.items().getFirst().id());
        String path = "/console/returns/" + approved.id() + "/photos/" + photo;

        mvc.perform(get("/console/returns/{id}", approved.id().id()).with(AGENT))
                .andExpect(content()
                        .string(allOf(containsString("src=\"" + path + "\""), containsString("alt=\"Photo 1 of"))));
        mvc.perform(get(path).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(content().bytes(PNG));
        mvc.perform(get(path)).andExpect(status().isFound());
        mvc.perform(get("/console/returns/" + approved.id() + "/photos/" + UUID.randomUUID())
                        .with(AGENT))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOrderPageListsItsReturnsWithLinks() throws Exception {
        ReturnView waiting = awaitingApproval();
        mvc.perform(get("/admin/orders/{id}", waiting.orderId().id()).with(AGENT))
                .andExpect(content()
                        .string(allOf(
                                containsString("Returns of this order"),
                                containsString("href=\"/console/returns/" + waiting.id() + "\""),
                                // The store counter is the store's: not in an agent's navigation (ADR 22).
                                not(containsString(">Store returns</a>")))));
    }

    @Test
    void theCounterTakesAReturnInStoreReceivesAndResolvesItAndRemembersTheStore() throws Exception {
        String store = data.store();
        OrderView order = data.delivered(data.webOrder());
        OrderView.Line shirts = order.lines().getFirst();
        OrderView.Line socks = order.lines().get(1);
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get("/console/store-returns").param("q", data.email()).with(ASSOCIATE))
                .andExpect(content()
                        .string(allOf(
                                containsString("Order " + order.number()),
                                containsString("2 returnable, €25.00 each"),
                                containsString("name=\"quantity-" + shirts.id() + "\""),
                                containsString("<option value=\"" + store + "\""))));

        mvc.perform(post("/console/store-returns")
                        .param("orderId", order.id().toString())
                        .param("quantity-" + shirts.id(), "1")
                        .param("reason-" + shirts.id(), "too-small")
                        .param("outcome-" + shirts.id(), "STORE_CREDIT")
                        .with(csrf())
                        .with(ASSOCIATE))
                .andExpect(redirectedUrl("/console/store-returns?orderId=" + order.id()))
                .andExpect(flash().attribute("flash", flashText(containsString("Choose the store"))));
        mvc.perform(post("/console/store-returns")
                        .param("orderId", order.id().toString())
                        .param("location", store)
                        .with(csrf())
                        .with(ASSOCIATE))
                .andExpect(flash().attribute("flash", flashText(containsString("at least one item"))));

        String receipt = mvc.perform(post("/console/store-returns")
                        .session(session)
                        .param("orderId", order.id().toString())
                        .param("location", store)
                        .param("quantity-" + shirts.id(), "1")
                        .param("reason-" + shirts.id(), "too-small")
                        .param("outcome-" + shirts.id(), "STORE_CREDIT")
                        .param("condition-" + shirts.id(), "NEW")
                        .param("resellable-" + shirts.id(), "true")
                        .param("quantity-" + socks.id(), "1")
                        .param("reason-" + socks.id(), "changed-mind")
                        .param("outcome-" + socks.id(), "REFUND")
                        .param("condition-" + socks.id(), "OPENED")
                        .with(csrf())
                        .with(ASSOCIATE))
                .andExpect(redirectedUrlPattern("/console/store-returns/*/receipt"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        ReturnView done = returns.ofOrder(order.id()).getFirst();
        assertThat(done.channel()).isEqualTo(ReturnChannel.STORE);
        assertThat(done.method()).isEqualTo(ReturnMethod.IN_STORE);
        assertThat(done.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(done.storeCredit()).hasToString("25.00 EUR");
        assertThat(done.refunded()).hasToString("6.00 EUR");
        assertThat(inventory.stockOf(shirts.sku())).anySatisfy(level -> {
            assertThat(level.locationCode()).isEqualTo(store);
            assertThat(level.onHand()).isEqualTo(1);
        });

        mvc.perform(get(receipt).with(ASSOCIATE))
                .andExpect(content()
                        .string(allOf(
                                containsString("Return receipt"),
                                containsString(done.number()),
                                containsString("Refunded to the original payment"),
                                containsString("€6.00"),
                                containsString("Store credit"),
                                containsString("€25.00"),
                                containsString("data-print"))));
        mvc.perform(get("/console/store-returns")
                        .param("orderId", order.id().toString())
                        .session(session)
                        .with(ASSOCIATE))
                .andExpect(content().string(containsString("<option value=\"" + store + "\" selected=\"selected\"")));
    }

    @Test
    void theCounterExchangesForAnotherSizeFromTheStoresStock() throws Exception {
        String store = data.store();
        String larger = data.largerShirt(store);
        OrderView order = data.delivered(data.webOrder());
        OrderView.Line shirts = order.lines().getFirst();

        String receipt = mvc.perform(post("/console/store-returns")
                        .param("orderId", order.id().toString())
                        .param("location", store)
                        .param("quantity-" + shirts.id(), "1")
                        .param("reason-" + shirts.id(), "too-small")
                        .param("outcome-" + shirts.id(), "EXCHANGE")
                        .param("exchange-" + shirts.id(), larger)
                        .param("condition-" + shirts.id(), "NEW")
                        .with(csrf())
                        .with(ASSOCIATE))
                .andExpect(redirectedUrlPattern("/console/store-returns/*/receipt"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        ReturnView done = returns.ofOrder(order.id()).getFirst();
        assertThat(done.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(done.exchangeOrderNumber()).isNotNull();
        assertThat(done.exchangeDelivery()).isEqualTo(ExchangeDelivery.FROM_STORE_SHELF);
        mvc.perform(get(receipt).with(ASSOCIATE))
                .andExpect(content()
                        .string(allOf(
                                containsString("Replacement handed over from the shelf, order"),
                                containsString(done.exchangeOrderNumber()),
                                containsString("for " + larger),
                                not(containsString("Refunded to the original payment")))));
        OrderView replacement = orders.findByNumber(done.exchangeOrderNumber()).orElseThrow();
        mvc.perform(get("/admin/orders/{id}", replacement.id().id()).with(AGENT))
                .andExpect(content()
                        .string(containsString("Handed over at the counter of " + store + ": nothing to ship")));
    }

    @Test
    void theCounterRefusesAReplacementFromTheShelfThatCostsMoreAndTakesNothingBack() throws Exception {
        String store = data.store();
        String silk = data.dearerShirt(store);
        OrderView order = data.delivered(data.webOrder());
        OrderView.Line shirts = order.lines().getFirst();

        mvc.perform(post("/console/store-returns")
                        .param("orderId", order.id().toString())
                        .param("location", store)
                        .param("exchangeDelivery", "FROM_STORE_SHELF")
                        .param("quantity-" + shirts.id(), "1")
                        .param("reason-" + shirts.id(), "too-small")
                        .param("outcome-" + shirts.id(), "EXCHANGE")
                        .param("exchange-" + shirts.id(), silk)
                        .param("condition-" + shirts.id(), "NEW")
                        .with(csrf())
                        .with(ASSOCIATE))
                .andExpect(redirectedUrl("/console/store-returns?orderId=" + order.id()))
                .andExpect(
                        flash().attribute(
                                        "flash",
                                        flashText(
                                                containsString(
                                                        "The replacement costs €15.00 more than what is given back: nothing was taken back"))));

        assertThat(returns.ofOrder(order.id())).isEmpty();
        assertThat(inventory.stockOf(silk))
                .filteredOn(level -> level.locationCode().equals(store))
                .extracting(level -> level.onHand(), level -> level.reserved())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0));
    }

    @Test
    void theCounterNamesTheRuleThatRefusesALineAndShowsTheModulesRefusal() throws Exception {
        String store = data.store();
        OrderView notShipped = data.webOrder();
        OrderView.Line shirts = notShipped.lines().getFirst();
        mvc.perform(get("/console/store-returns")
                        .param("q", notShipped.number())
                        .with(ASSOCIATE))
                .andExpect(content()
                        .string(allOf(
                                containsString("Not returnable"),
                                containsString("not-shipped"),
                                containsString("has shipped yet"),
                                containsString("Nothing of this order can be returned."))));
        mvc.perform(get("/console/store-returns")
                        .param("q", notShipped.number())
                        .param("lang", "fr")
                        .with(ASSOCIATE))
                .andExpect(content().string(containsString("Non retournable")));

        OrderView delivered = data.delivered(data.webOrder());
        OrderView.Line line = delivered.lines().getFirst();
        mvc.perform(post("/console/store-returns")
                        .param("orderId", delivered.id().toString())
                        .param("location", store)
                        .param("quantity-" + line.id(), "1")
                        .param("reason-" + line.id(), "defective")
                        .param("outcome-" + line.id(), "REFUND")
                        .with(csrf())
                        .with(ASSOCIATE))
                .andExpect(redirectedUrl("/console/store-returns?orderId=" + delivered.id()))
                .andExpect(flash().attribute(
                                "flash",
                                flashText(allOf(containsString("Return refused"), containsString("needs a comment")))));
        assertThat(returns.ofOrder(delivered.id())).isEmpty();
        assertThat(shirts).isNotNull();

        mvc.perform(get("/console/store-returns")
                        .param("q", "nothing-" + data.tag)
                        .with(ASSOCIATE))
                .andExpect(content().string(containsString("Nothing matches")));
    }

    @Test
    void anInStoreReturnAskedForOnlineIsFoundByItsNumberAndReceivedAtTheCounter() throws Exception {
        String store = data.store();
        OrderView order = data.delivered(data.webOrder());
        ReturnView online = returns.request(new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.IN_STORE,
                store,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(),
                        2,
                        "too-large",
                        null,
                        ReturnOutcome.REFUND,
                        null,
                        null,
                        List.of())),
                false,
                null,
                "customer"));
        assertThat(online.status()).isEqualTo(ReturnStatus.APPROVED);
        UUID item = online.items().getFirst().id();

        mvc.perform(get("/console/store-returns")
                        .param("q", online.number().toLowerCase())
                        .with(ASSOCIATE))
                .andExpect(content()
                        .string(allOf(
                                containsString("Returns to receive in store"),
                                containsString("Return " + online.number() + ", worth €50.00"),
                                containsString("/console/store-returns/" + online.id() + "/receive"))));

        mvc.perform(post("/console/store-returns/{id}/receive", online.id().id())
                        .param("location", store)
                        .param("quantity-" + item, "2")
                        .param("condition-" + item, "NEW")
                        .param("resellable-" + item, "true")
                        .with(csrf())
                        .with(ASSOCIATE))
                .andExpect(redirectedUrl("/console/store-returns/" + online.id() + "/receipt"));
        ReturnView done = returns.find(online.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ReturnStatus.RESOLVED);
        assertThat(done.refunded()).hasToString("50.00 EUR");

        mvc.perform(post("/console/store-returns/{id}/receive", online.id().id())
                        .param("location", store)
                        .param("quantity-" + item, "2")
                        .with(csrf())
                        .with(ASSOCIATE))
                .andExpect(flash().attribute("flash", flashText(containsString("is RESOLVED: it cannot be received"))));
    }

    /** A return of 2 shirts (€50.00) the customer asked for as defective: it waits for a person. */
    private ReturnView awaitingApproval() {
        OrderView order = data.delivered(data.webOrder());
        ReturnView view = returns.request(new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(),
                        2,
                        "defective",
                        "It stopped working",
                        ReturnOutcome.REFUND,
                        null,
                        null,
                        List.of())),
                false,
                null,
                "customer"));
        assertThat(view.status()).isEqualTo(ReturnStatus.REQUESTED);
        return view;
    }

    /** A return of 2 shirts (€50.00) by mail, approved by rule. */
    private ReturnView approvedByMail() {
        OrderView order = data.delivered(data.webOrder());
        ReturnView view = returns.request(new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(),
                        2,
                        "too-small",
                        null,
                        ReturnOutcome.REFUND,
                        null,
                        null,
                        List.of())),
                false,
                null,
                "customer"));
        assertThat(view.status()).isEqualTo(ReturnStatus.APPROVED);
        return view;
    }

    private ReturnStatus statusOf(ReturnView view) {
        return returns.find(new ReturnId(view.id().id())).orElseThrow().status();
    }

    private static Matcher<Flash> flashText(Matcher<String> text) {
        return new FeatureMatcher<>(text, "flash text", "text") {
            @Override
            protected String featureValueOf(Flash actual) {
                return actual.text();
            }
        };
    }
}
