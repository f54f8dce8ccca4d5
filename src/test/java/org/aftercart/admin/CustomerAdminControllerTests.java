package org.aftercart.admin;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.notifications.NotificationsTestSupport;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The customer's page in the console: what was sent to them, and why something was not. */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class CustomerAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

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
    org.aftercart.returns.Returns returns;

    @Autowired
    org.aftercart.wallet.Wallet wallet;

    @Test
    void theirReturnsAndStoreCreditWithItsHistoryAreOnTheirPage() throws Exception {
        String email = "returner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        OrderView order =
                new ShippedOrders(orders, fulfillment, tracking, catalog, inventory).placeOnly(email, "Milk jug");
        var line = order.lines().getFirst();
        orders.recordShipment(order.id(), java.util.Map.of(line.id(), 1), "Shipped in tests", "tests");
        var request = returns.request(new org.aftercart.returns.RequestReturn(
                order.id(),
                org.aftercart.returns.ReturnChannel.PORTAL,
                org.aftercart.returns.ReturnMethod.MAIL,
                null,
                java.util.List.of(new org.aftercart.returns.RequestReturn.Item(
                        line.id(),
                        1,
                        "changed-mind",
                        null,
                        org.aftercart.returns.ReturnOutcome.REFUND,
                        null,
                        null,
                        java.util.List.of())),
                false,
                null,
                "customer"));
        var customer = org.aftercart.customers.CustomerId.of(order.customerId());
        wallet.grantStoreCredit(
                customer,
                org.aftercart.shared.Money.of("7.50", "EUR"),
                org.aftercart.shared.Money.of("0.00", "EUR"),
                "Goodwill: the parcel was late",
                "goodwill:" + UUID.randomUUID());

        mvc.perform(get("/console/customers/" + order.customerId())
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(request.number())))
                .andExpect(content().string(containsString("Goodwill: the parcel was late")))
                .andExpect(content().string(containsString("Available (EUR)")))
                .andExpect(content().string(containsString("€7.50")));
    }

    @Test
    void aMessageThatCouldNotReachTheCustomerIsOnTheirPageWithItsReason() throws Exception {
        String email = "unreachable-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        OrderView order =
                new ShippedOrders(orders, fulfillment, tracking, catalog, inventory).placeOnly(email, "Teapot");
        jdbc.sql("update customers.customers set email = 'broken', phone = null where id = ?::uuid")
                .param(order.customerId())
                .update();
        NotificationsTestSupport.deliverEverythingDue(context);

        mvc.perform(get("/console/customers/" + order.customerId())
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Order confirmed")))
                .andExpect(content().string(containsString("Undeliverable")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "No usable channel: the e-mail address &#39;broken&#39; is not valid, and no phone number on file.")));
        mvc.perform(get("/admin/orders/" + order.id())
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(content().string(containsString("/console/customers/" + order.customerId())));
    }

    @Test
    void anUnknownCustomerIsNotFoundAndAnonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/console/customers/" + UUID.randomUUID())
                        .with(user("agent@example.org").roles("AGENT")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/customers/" + UUID.randomUUID())).andExpect(status().is3xxRedirection());
    }
}
