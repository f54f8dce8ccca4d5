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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.FulfillmentOrderView;
import org.aftercart.fulfillment.FulfillmentStatus;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console pages through the whole MVC and security stack, without a browser. */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class OrderAdminControllerTests {

    private static final RequestPostProcessor AGENT = user("agent@example.org").roles("AGENT");
    private static final RequestPostProcessor ASSOCIATE =
            user("associate@example.org").roles("ASSOCIATE");

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
    JdbcClient jdbc;

    ConsoleTestData data;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/admin/orders")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void signInPageHasACsrfProtectedFormAndItsMessages() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"en\""),
                                containsString("Sign in to Aftercart"),
                                containsString("name=\"_csrf\""),
                                containsString("<label for=\"username\""),
                                not(containsString("do not match")))));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("do not match a staff account")));
        mvc.perform(get("/login").param("logout", ""))
                .andExpect(content().string(containsString("You have signed out.")));
    }

    @Test
    void listSearchesWithAPlainGetAndAnswersHtmxWithTheResultsOnly() throws Exception {
        OrderView web = data.webOrder();
        OrderView store = data.storeOrder();

        mvc.perform(get("/admin/orders").param("q", data.tag.toUpperCase()).with(ASSOCIATE))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", containsString("HX-Request")))
                .andExpect(content()
                        .string(allOf(
                                containsString("<html"),
                                containsString("value=\"" + data.tag.toUpperCase() + "\""),
                                containsString(web.number()),
                                containsString(store.number()),
                                containsString("€60.90"),
                                containsString("£12.50"),
                                containsString("<th scope=\"col\">Customer</th>"))));
        assertThat(mvc.perform(get("/admin/orders").param("q", data.tag).with(ASSOCIATE))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("newest first")
                .containsSubsequence(web.number(), store.number());

        mvc.perform(get("/admin/orders")
                        .param("q", "store-" + data.email())
                        .header("HX-Request", "true")
                        .with(ASSOCIATE))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                not(containsString("<html")),
                                containsString("id=\"order-results\""),
                                containsString(store.number()),
                                not(containsString(web.number())))));

        mvc.perform(get("/admin/orders")
                        .param("q", data.tag)
                        .header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true")
                        .with(ASSOCIATE))
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void detailShowsEverySectionInTheReadersLanguage() throws Exception {
        OrderView order = data.webOrder();
        jdbc.sql(
                        """
                        insert into payments.transactions (id, order_id, kind, amount, currency, provider, status,
                            failure_reason, idempotency_key)
                        values (?, ?, 'REFUND', 6.00, 'EUR', 'offline', 'MANUAL_ACTION_REQUIRED', 'Card expired', ?)
                        """)
                .params(UUID.randomUUID(), order.id().id(), "test:" + UUID.randomUUID())
                .update();

        mvc.perform(get("/admin/orders/{id}", order.id().id()).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Order " + order.number()),
                                containsString("Return requested"),
                                containsString("€60.90"),
                                containsString("Main warehouse"),
                                containsString("Start packing"),
                                containsString("name=\"_csrf\""),
                                containsString("Manual action required"),
                                containsString("needs-attention"),
                                containsString("Card expired"),
                                containsString("Cancel order"))));

        mvc.perform(get("/admin/orders/{id}", order.id().id())
                        .header("Accept-Language", "fr-FR,fr;q=0.9")
                        .with(AGENT))
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"fr-FR\""),
                                containsString("Commande " + order.number()),
                                containsString("Commencer l’emballage"),
                                containsString("60,90\u00a0€"),
                                containsString("Action manuelle requise"))));
    }

    @Test
    void languageCanBeSwitchedAndIsRemembered() throws Exception {
        mvc.perform(get("/login").param("lang", "fr").header("Accept-Language", "en"))
                .andExpect(cookie().value("AFTERCART_LANG", "fr"))
                .andExpect(content().string(containsString("Connexion à Aftercart")));
        mvc.perform(get("/login").header("Accept-Language", "de"))
                .andExpect(content().string(allOf(containsString("<html lang=\"en\""), containsString("Sign in"))));
    }

    @Test
    void unknownOrdersGetAPageNotAProblemBody() throws Exception {
        mvc.perform(get("/admin/orders/{id}", UUID.randomUUID()).with(AGENT))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("Order not found")));
        mvc.perform(get("/admin/orders/not-an-id").with(AGENT))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"));
    }

    @Test
    void stepsGoThroughTheFulfillmentModuleAndRefusalsReadAsMessages() throws Exception {
        OrderView order = data.webOrder();
        FulfillmentOrderView fo = data.onlyFulfillmentOrder(order);
        String base = "/admin/orders/" + order.id().id() + "/fulfillment-orders/" + fo.id();

        mvc.perform(post(base + "/start-packing").with(ASSOCIATE)).andExpect(status().isForbidden());

        mvc.perform(post(base + "/start-packing").with(ASSOCIATE).with(csrf()))
                .andExpect(redirectedUrl("/admin/orders/" + order.id().id()))
                .andExpect(flash().attribute("flash", new Flash(Flash.Kind.SUCCESS, packingStarted())));
        assertThat(fulfillment.find(fo.id()).status()).isEqualTo(FulfillmentStatus.PACKING);
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.IN_FULFILMENT);

        mvc.perform(post(base + "/release").with(ASSOCIATE).with(csrf()))
                .andExpect(redirectedUrl("/admin/orders/" + order.id().id()))
                .andExpect(flash().attribute(
                                "flash", flashText(containsString("That step is not possible now: Fulfilment order"))));

        mvc.perform(post(base + "/ship").param("carrier", " ").with(ASSOCIATE).with(csrf()))
                .andExpect(flash().attribute("flash", flashText(containsString("Give a carrier"))));

        mvc.perform(post(base + "/ship")
                        .param("carrier", "La Poste")
                        .param("trackingNumber", "6A12345678901")
                        .with(ASSOCIATE)
                        .with(csrf()))
                .andExpect(flash().attribute("flash", new Flash(Flash.Kind.SUCCESS, "Parcel shipped from MAIN.")));
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(fulfillment.parcelsOf(order.id())).singleElement().satisfies(parcel -> {
            assertThat(parcel.carrier()).isEqualTo("La Poste");
            assertThat(parcel.trackingNumber()).isEqualTo("6A12345678901");
            assertThat(parcel.items()).hasSize(2);
        });
        assertThat(orders.journal(order.id()).getLast().actor()).isEqualTo("staff:associate@example.org");
    }

    @Test
    void aFulfillmentOrderOfAnotherOrderIsRefused() throws Exception {
        OrderView one = data.webOrder();
        OrderView other = data.storeOrder();
        FulfillmentOrderView othersFo = data.onlyFulfillmentOrder(other);

        mvc.perform(post(
                                "/admin/orders/{o}/fulfillment-orders/{f}/start-picking",
                                one.id().id(),
                                othersFo.id())
                        .with(AGENT)
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "flash",
                                new Flash(Flash.Kind.ERROR, "That fulfilment order belongs to another order.")));
        assertThat(fulfillment.find(othersFo.id()).status()).isEqualTo(FulfillmentStatus.RELEASED);
    }

    @Test
    void agentsCancelWithAReasonWhileTheOrderIsChangeable() throws Exception {
        OrderView order = data.webOrder();
        String page = "/admin/orders/" + order.id().id();

        mvc.perform(get(page).with(ASSOCIATE)).andExpect(content().string(not(containsString("cancel-reason"))));
        mvc.perform(post(page + "/cancel")
                        .param("reason", "Asked by phone")
                        .with(ASSOCIATE)
                        .with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post(page + "/cancel").param("reason", "  ").with(AGENT).with(csrf()))
                .andExpect(flash().attribute(
                                "flash", new Flash(Flash.Kind.ERROR, "Give a reason of at most 500 characters.")));
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);

        mvc.perform(post(page + "/cancel")
                        .param("reason", "Asked by phone")
                        .with(AGENT)
                        .with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute(
                                "flash", new Flash(Flash.Kind.SUCCESS, "Order " + order.number() + " is cancelled.")));
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.journal(order.id()).getLast().description()).isEqualTo("Cancelled: Asked by phone");

        mvc.perform(get(page).with(AGENT)).andExpect(content().string(not(containsString("cancel-reason"))));
        mvc.perform(post(page + "/cancel").param("reason", "Again").with(AGENT).with(csrf()))
                .andExpect(flash().attribute("flash", flashText(containsString("The order can no longer be changed"))));
    }

    private static Matcher<Object> flashText(Matcher<String> text) {
        return new FeatureMatcher<>(text, "a flash whose text is", "text") {
            @Override
            protected String featureValueOf(Object flash) {
                return ((Flash) flash).text();
            }
        };
    }

    private static String packingStarted() {
        return "Packing started at MAIN; the order can no longer be changed.";
    }
}
