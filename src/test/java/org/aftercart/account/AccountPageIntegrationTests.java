package org.aftercart.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactChannel;
import org.aftercart.customers.ContactDetails;
import org.aftercart.customers.ContactPreferences;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.ChangeKind;
import org.aftercart.orders.ChangePreview;
import org.aftercart.orders.JournalEntry;
import org.aftercart.orders.OrderChange;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.shared.Money;
import org.aftercart.support.TestCatalog;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.aftercart.wallet.Wallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The account page through the whole application: only the signed-in customer's own orders, a
 * change previewed with its price difference and then confirmed with the version seen, refusals of
 * stale, forged and foreign requests with nothing written, balances, and preferences.
 */
@AccountIntegrationTest
class AccountPageIntegrationTests extends AccountTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignInTokens tokens;

    @Autowired
    OrderManagement orders;

    @Autowired
    Customers customers;

    @Autowired
    Wallet wallet;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    ShippedOrders shop;

    @BeforeEach
    void setUp() {
        shop = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @Test
    void theAccountListsTheCustomersOwnOrdersOnly() throws Exception {
        String email = SignInIntegrationTests.unique("list");
        OrderView mine = shop.placeOnly(email, "Wool scarf");
        OrderView shipped = shop.shipInParcels(email, "Felt hat").order();
        OrderView theirs = shop.placeOnly(SignInIntegrationTests.unique("other"), "Wool scarf");
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customerOf(mine));

        String page = mvc.perform(get("/account").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains(mine.number(), shipped.number()).doesNotContain(theirs.number());
        assertThat(page.indexOf(shipped.number())).as("newest first").isLessThan(page.indexOf(mine.number()));
        String detail = mvc.perform(get("/account/orders/" + shipped.id().id()).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(detail).contains("La Poste", "/track/", "/returns/start?t=", "https://shop.example.com/cart/");
    }

    @Test
    void anotherCustomersOrderIsNotFoundAndCannotBeChangedOrCancelled() throws Exception {
        OrderView mine = shop.placeOnly(SignInIntegrationTests.unique("mine"), "Linen shirt");
        OrderView theirs = shop.placeOnly(SignInIntegrationTests.unique("theirs"), "Linen shirt");
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customerOf(mine));
        String path = "/account/orders/" + theirs.id().id();

        String page = mvc.perform(get(path).session(session))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain(theirs.number());
        mvc.perform(get("/account/orders/not-a-uuid").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/account/orders/" + UUID.randomUUID()).session(session))
                .andExpect(status().isNotFound());
        mvc.perform(post(path + "/cancel")
                        .param("version", Long.toString(theirs.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(status().isNotFound());
        mvc.perform(post(path + "/change")
                        .param("change", "QUANTITY")
                        .param("line", theirs.lines().getFirst().id().toString())
                        .param("quantity", "3")
                        .param("version", Long.toString(theirs.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(status().isNotFound());

        OrderView after = orders.find(theirs.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(theirs.version());
        assertThat(after.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void aChangeIsPreviewedWithItsPriceDifferenceThenConfirmedWithTheVersionSeen() throws Exception {
        OrderView order = shop.placeOnly(SignInIntegrationTests.unique("change"), "Canvas bag", "Tote");
        CustomerId customer = customerOf(order);
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customer);
        OrderView.Line bag = order.lines().getFirst();
        String path = "/account/orders/" + order.id().id();

        String preview = mvc.perform(post(path + "/preview")
                        .param("change", "QUANTITY")
                        .param("line", bag.id().toString())
                        .param("quantity", "3")
                        .param("version", Long.toString(order.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(preview).contains("The difference, €20.00, will be charged to your payment method.");
        assertThat(orders.find(order.id()).orElseThrow().version())
                .as("a preview writes nothing")
                .isEqualTo(order.version());
        ChangePreview computed =
                orders.previewChange(order.id(), new OrderChange.ChangeQuantity(bag.id(), 3), order.version());
        assertThat(computed.difference()).isEqualTo(Money.of("20.00", "EUR"));

        mvc.perform(post(path + "/change")
                        .param("change", "QUANTITY")
                        .param("line", bag.id().toString())
                        .param("quantity", "3")
                        .param("version", Long.toString(order.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl(path + "?done=changed"));

        OrderView changed = orders.find(order.id()).orElseThrow();
        assertThat(changed.total()).isEqualTo(order.total().plus(Money.of("20.00", "EUR")));
        JournalEntry last = orders.journal(order.id()).getLast();
        assertThat(last.kind()).isEqualTo(ChangeKind.QUANTITY_CHANGED);
        assertThat(last.actor()).isEqualTo("customer:" + customer.id());
        assertThat(last.priceDifference()).isEqualTo(computed.difference());

        // The same form again: the order moved on, so the stale version is refused.
        mvc.perform(post(path + "/change")
                        .param("change", "QUANTITY")
                        .param("line", bag.id().toString())
                        .param("quantity", "1")
                        .param("version", Long.toString(order.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(status().isConflict())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Your order changed since you opened this page"));
        assertThat(orders.find(order.id()).orElseThrow().version()).isEqualTo(changed.version());
    }

    @Test
    void anotherSizeIsPreviewedAndSwappedButNotAnotherProduct() throws Exception {
        TestCatalog products = new TestCatalog(catalog, inventory);
        String small = products.variant("Tee", "S", "15.00", 5);
        String medium = products.variant("Tee", "M", "18.00", 5);
        String mug = products.variant("Mug", "ONE", "9.00", 5);
        String email = SignInIntegrationTests.unique("swap");
        OrderView order = orders.place(new PlaceOrder(
                SalesChannel.PHONE,
                null,
                ContactDetails.email(email, "Sam Swap"),
                "EUR",
                List.of(new PlaceOrder.Line(small, 2, null, null)),
                new ShippingAddress("Sam Swap", "1 Rue de la Paix", null, "Paris", "75002", null, "FR"),
                PaymentStatus.PAID,
                null,
                null,
                null,
                null));
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customerOf(order));
        String path = "/account/orders/" + order.id().id();
        String line = order.lines().getFirst().id().toString();

        assertThat(mvc.perform(get(path).session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("a phone order is there too, with its other sizes")
                .contains("value=\"" + medium + "\"");
        mvc.perform(post(path + "/preview")
                        .param("change", "VARIANT")
                        .param("line", line)
                        .param("sku", medium)
                        .param("version", Long.toString(order.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("The difference, €6.00, will be charged"));
        mvc.perform(post(path + "/change")
                        .param("change", "VARIANT")
                        .param("line", line)
                        .param("sku", mug)
                        .param("version", Long.toString(order.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(status().isBadRequest());
        assertThat(orders.find(order.id()).orElseThrow().version()).isEqualTo(order.version());

        mvc.perform(post(path + "/change")
                        .param("change", "VARIANT")
                        .param("line", line)
                        .param("sku", medium)
                        .param("version", Long.toString(order.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl(path + "?done=changed"));
        assertThat(orders.find(order.id()).orElseThrow().lines())
                .filteredOn(candidate -> candidate.quantities().active() > 0)
                .singleElement()
                .satisfies(swapped -> assertThat(swapped.sku()).isEqualTo(medium));
    }

    @Test
    void forgedFieldsAreRefusedAndNothingIsWritten() throws Exception {
        String email = SignInIntegrationTests.unique("forged");
        OrderView order = shop.placeOnly(email, "Apron", "Oven glove");
        OrderView other = shop.placeOnly(SignInIntegrationTests.unique("elsewhere"), "Apron");
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customerOf(order));
        String path = "/account/orders/" + order.id().id();
        String version = Long.toString(order.version());
        String line = order.lines().getFirst().id().toString();

        String[][] forgeries = {
            {"QUANTITY", other.lines().getFirst().id().toString(), "2"}, // a line of another order
            {"QUANTITY", line, "0"},
            {"QUANTITY", line, "-4"},
            {"QUANTITY", line, "1000"},
            {"QUANTITY", line, "two"},
            {"QUANTITY", "not-a-line", "2"},
            {"DELETE_EVERYTHING", line, "2"},
        };
        for (String[] forged : forgeries) {
            mvc.perform(post(path + "/change")
                            .param("change", forged[0])
                            .param("line", forged[1])
                            .param("quantity", forged[2])
                            .param("version", version)
                            .with(csrf())
                            .session(session))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post(path + "/change")
                        .param("change", "QUANTITY")
                        .param("line", line)
                        .param("quantity", "2")
                        .with(csrf())
                        .session(session))
                .andExpect(status().isConflict());
        mvc.perform(post(path + "/change")
                        .param("change", "QUANTITY")
                        .param("line", line)
                        .param("quantity", "2")
                        .param("version", version)
                        .session(session))
                .andExpect(status().isForbidden());

        assertThat(orders.find(order.id()).orElseThrow().version()).isEqualTo(order.version());
        assertThat(orders.find(other.id()).orElseThrow().version()).isEqualTo(other.version());
    }

    @Test
    void aCustomerCancelsAnOrderWithTheVersionSeenButNotOnceItIsBeingPacked() throws Exception {
        String email = SignInIntegrationTests.unique("cancel");
        OrderView order = shop.placeOnly(email, "Teapot");
        OrderView packed = shop.shipInParcels(email, "Teacup").order();
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customerOf(order));

        mvc.perform(get("/account/orders/" + order.id().id() + "/cancel").session(session))
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).contains("€10.00, will be refunded"));
        mvc.perform(post("/account/orders/" + order.id().id() + "/cancel")
                        .param("version", Long.toString(order.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/account/orders/" + order.id().id() + "?done=cancelled"));
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.journal(order.id()).getLast().actor())
                .isEqualTo("customer:" + customerOf(order).id());

        OrderView current = orders.find(packed.id()).orElseThrow();
        mvc.perform(post("/account/orders/" + packed.id().id() + "/cancel")
                        .param("version", Long.toString(current.version()))
                        .with(csrf())
                        .session(session))
                .andExpect(status().isConflict())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("can no longer be changed or cancelled"));
        assertThat(orders.find(packed.id()).orElseThrow().status()).isNotEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void storeCreditAndGiftCardsShowWithTheirHistory() throws Exception {
        String email = SignInIntegrationTests.unique("wallet");
        OrderView order = shop.placeOnly(email, "Candle");
        CustomerId customer = customerOf(order);
        wallet.grantStoreCredit(
                customer, Money.of("12.50", "EUR"), Money.of("1.25", "EUR"), "Return R-1", "test:" + UUID.randomUUID());
        wallet.issueGiftCard(Money.of("30.00", "EUR"), email, "Gift return", "test:" + UUID.randomUUID());
        wallet.issueGiftCard(
                Money.of("99.00", "EUR"),
                SignInIntegrationTests.unique("someone-else"),
                "Not theirs",
                "test:" + UUID.randomUUID());
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customer);

        String page = mvc.perform(get("/account").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("€13.75")
                .contains("+€12.50")
                .contains("+€1.25")
                .contains("Bonus");
        assertThat(page).contains("€30.00 left").doesNotContain("€99.00");
    }

    @Test
    void preferencesAreSavedAndWrongOnesRefusedWithNothingWritten() throws Exception {
        OrderView order = shop.placeOnly(SignInIntegrationTests.unique("prefs"), "Mug");
        CustomerId customer = customerOf(order);
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customer);

        mvc.perform(post("/account/preferences")
                        .param("preferredChannel", "EMAIL")
                        .param("channel-out-for-delivery", "SMS")
                        .param("quietHoursStart", "22:00")
                        .param("quietHoursEnd", "07:30")
                        .param("timeZone", "Europe/Paris")
                        .param("language", "fr")
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/account?saved=preferences#preferences"));
        ContactPreferences saved = customers.contactPreferences(customer).orElseThrow();
        assertThat(saved.channelFor("out-for-delivery")).isEqualTo(ContactChannel.SMS);
        assertThat(saved.channelFor("shipped")).isEqualTo(ContactChannel.EMAIL);
        assertThat(saved.quietHoursStart()).isEqualTo(LocalTime.of(22, 0));
        assertThat(saved.quietHoursEnd()).isEqualTo(LocalTime.of(7, 30));
        assertThat(saved.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(saved.language()).isEqualTo("fr");
        assertThat(saved.marketingConsent()).isFalse();

        mvc.perform(post("/account/preferences")
                        .param("preferredChannel", "PIGEON")
                        .param("quietHoursStart", "22:00")
                        .param("timeZone", "Mars/Olympus")
                        .param("language", "xx")
                        .with(csrf())
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Choose e-mail or text message.", "This time zone is unknown", "Give quiet hours"));
        assertThat(customers.contactPreferences(customer)).contains(saved);
    }

    @Test
    void theOrderPageLinksToTheHelpArticleForWhereTheOrderStands() throws Exception {
        String email = SignInIntegrationTests.unique("help");
        OrderView placed = shop.placeOnly(email, "Teapot");
        OrderView shipped = shop.shipInParcels(email, "Kettle").order();
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customerOf(placed));

        assertThat(orderPage(placed, session))
                .contains("href=\"/help/for/change-order?lang=en&amp;order=" + placed.number() + "\"");
        assertThat(orderPage(shipped, session))
                .contains("href=\"/help/for/parcel-tracking?lang=en&amp;order=" + shipped.number() + "\"");
    }

    @Test
    void theDeliveryAddressIsChangedWithTheVersionSeenAndWrongOnesRefusedWithNothingWritten() throws Exception {
        OrderView order = shop.placeOnly(SignInIntegrationTests.unique("moving"), "Rug");
        OrderView theirs = shop.placeOnly(SignInIntegrationTests.unique("not-moving"), "Rug");
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customerOf(order));
        String path = "/account/orders/" + order.id().id() + "/address";

        assertThat(mvc.perform(get(path).session(session))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("name=\"version\" value=\"" + order.version() + "\"");
        mvc.perform(post(path)
                        .param("version", String.valueOf(order.version()))
                        .param("name", "Grace Hopper")
                        .param("line1", "1 Navy Road")
                        .param("postcode", "")
                        .param("city", "Arlington")
                        .with(csrf())
                        .session(session))
                .andExpect(status().isBadRequest())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).contains("Give the postcode."));
        assertThat(orders.find(order.id()).orElseThrow().shipTo()).isEqualTo(order.shipTo());

        mvc.perform(post(path)
                        .param("version", String.valueOf(order.version()))
                        .param("name", "Grace Hopper")
                        .param("line1", "1 Navy Road")
                        .param("postcode", "22201")
                        .param("city", "Arlington")
                        .with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/account/orders/" + order.id().id() + "?done=address"));
        OrderView moved = orders.find(order.id()).orElseThrow();
        assertThat(moved.shipTo().line1()).isEqualTo("1 Navy Road");
        assertThat(moved.shipTo().country()).isEqualTo(order.shipTo().country());
        assertThat(orders.journal(order.id()).getLast().actor()).isEqualTo("customer:" + order.customerId());

        mvc.perform(post(path)
                        .param("version", String.valueOf(order.version()))
                        .param("name", "Someone Else")
                        .param("line1", "2 Stale Street")
                        .param("postcode", "1000")
                        .param("city", "Brussels")
                        .with(csrf())
                        .session(session))
                .andExpect(status().isConflict());
        assertThat(orders.find(order.id()).orElseThrow().shipTo()).isEqualTo(moved.shipTo());

        mvc.perform(post("/account/orders/" + theirs.id().id() + "/address")
                        .param("version", String.valueOf(theirs.version()))
                        .param("name", "Thief")
                        .param("line1", "3 Elsewhere")
                        .param("postcode", "1")
                        .param("city", "X")
                        .with(csrf())
                        .session(session))
                .andExpect(status().isNotFound());
        assertThat(orders.find(theirs.id()).orElseThrow().shipTo()).isEqualTo(theirs.shipTo());
    }

    private String orderPage(OrderView order, MockHttpSession session) throws Exception {
        return mvc.perform(get("/account/orders/" + order.id().id()).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aCustomerErasedWhileSignedInIsSignedOut() throws Exception {
        String email = SignInIntegrationTests.unique("erased");
        CustomerId customer = customers.findOrRegister(ContactDetails.email(email, "Gone Soon"));
        MockHttpSession session = AccountSessions.signIn(mvc, tokens, customer);
        jdbc.sql("delete from customers.customers where id = ?")
                .param(customer.id())
                .update();

        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/sign-in"));
        assertThat(session.isInvalid()).isTrue();
    }

    private CustomerId customerOf(OrderView order) {
        return CustomerId.of(order.customerId());
    }
}
