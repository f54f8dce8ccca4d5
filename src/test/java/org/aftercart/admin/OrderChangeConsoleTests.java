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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.JournalEntry;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.tracking.TrackingLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An agent changes an order from the console: preview, confirm with the version seen, refusals. */
@SpringBootTest
@AutoConfigureMockMvc
class OrderChangeConsoleTests {

    private static final RequestPostProcessor AGENT =
            user("agent-changes@example.org").roles("AGENT");

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
    TrackingLinks trackingLinks;

    ConsoleTestData data;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(orders, fulfillment, catalog, inventory);
    }

    @Test
    void aQuantityChangeIsPreviewedWithItsDifferenceThenConfirmedInTheAgentsName() throws Exception {
        OrderView order = data.webOrder();
        OrderView.Line shirts = shirtsOf(order);
        String path = "/admin/orders/" + order.id().id();

        mvc.perform(get(path).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Change the order"),
                                containsString("action=\"" + path + "/changes/preview\""))));

        mvc.perform(post(path + "/changes/preview")
                        .param("change", "QUANTITY")
                        .param("line", shirts.id().toString())
                        .param("quantity", "3")
                        .param("version", String.valueOf(order.version()))
                        .with(csrf())
                        .with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("€60.90"),
                                containsString("€85.90"),
                                containsString("+€25.00"),
                                containsString("name=\"version\" value=\"" + order.version() + "\""),
                                containsString("Confirm the change"))));
        assertThat(orders.find(order.id()).orElseThrow().version())
                .as("a preview writes nothing")
                .isEqualTo(order.version());

        mvc.perform(post(path + "/changes")
                        .param("change", "QUANTITY")
                        .param("line", shirts.id().toString())
                        .param("quantity", "3")
                        .param("version", String.valueOf(order.version()))
                        .with(csrf())
                        .with(AGENT))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(path));

        OrderView changed = orders.find(order.id()).orElseThrow();
        assertThat(shirtsOf(changed).quantities().active()).isEqualTo(3);
        assertThat(changed.total().amount()).isEqualByComparingTo("85.90");
        JournalEntry last = orders.journal(order.id()).getLast();
        assertThat(last.actor()).isEqualTo("staff:agent-changes@example.org");
        assertThat(last.priceDifference().amount()).isEqualByComparingTo("25.00");
    }

    @Test
    void anAddressChangeIsPreviewedThenConfirmedKeepingTheCountry() throws Exception {
        OrderView order = data.webOrder();
        String path = "/admin/orders/" + order.id().id();

        mvc.perform(post(path + "/changes/preview")
                        .param("change", "ADDRESS")
                        .param("name", "Jo Elsewhere")
                        .param("line1", "8 Quai des Chartrons")
                        .param("postcode", "33000")
                        .param("city", "Bordeaux")
                        .param("version", String.valueOf(order.version()))
                        .with(csrf())
                        .with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Bordeaux"),
                                containsString("name=\"city\" value=\"Bordeaux\""),
                                containsString("None"))));

        mvc.perform(post(path + "/changes")
                        .param("change", "ADDRESS")
                        .param("name", "Jo Elsewhere")
                        .param("line1", "8 Quai des Chartrons")
                        .param("postcode", "33000")
                        .param("city", "Bordeaux")
                        .param("country", "DE")
                        .param("version", String.valueOf(order.version()))
                        .with(csrf())
                        .with(AGENT))
                .andExpect(status().isFound());

        OrderView changed = orders.find(order.id()).orElseThrow();
        assertThat(changed.shipTo().city()).isEqualTo("Bordeaux");
        assertThat(changed.shipTo().country()).as("the country stays").isEqualTo("FR");
        assertThat(orders.journal(order.id()).getLast().actor()).isEqualTo("staff:agent-changes@example.org");
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsWritten() throws Exception {
        OrderView order = data.webOrder();
        OrderView.Line shirts = shirtsOf(order);
        String path = "/admin/orders/" + order.id().id();
        long seen = order.version();
        orders.change(
                order.id(),
                new org.aftercart.orders.OrderChange.ChangeQuantity(shirts.id(), 1),
                "customer:meanwhile",
                seen);

        for (String route : new String[] {"/changes/preview", "/changes"}) {
            mvc.perform(post(path + route)
                            .param("change", "QUANTITY")
                            .param("line", shirts.id().toString())
                            .param("quantity", "4")
                            .param("version", String.valueOf(seen))
                            .with(csrf())
                            .with(AGENT))
                    .andExpect(status().isConflict())
                    .andExpect(content()
                            .string(allOf(
                                    containsString("role=\"alert\""),
                                    containsString("The order changed since you opened it"))));
        }
        mvc.perform(post(path + "/changes")
                        .param("change", "QUANTITY")
                        .param("line", shirts.id().toString())
                        .param("quantity", "4")
                        .with(csrf())
                        .with(AGENT))
                .andExpect(status().isConflict());

        OrderView now = orders.find(order.id()).orElseThrow();
        assertThat(shirtsOf(now).quantities().active()).isEqualTo(1);
        assertThat(now.version()).isEqualTo(seen + 1);
    }

    @Test
    void invalidChangesAndClosedOrdersAreRefused() throws Exception {
        OrderView order = data.webOrder();
        String path = "/admin/orders/" + order.id().id();

        mvc.perform(post(path + "/changes")
                        .param("change", "QUANTITY")
                        .param("line", shirtsOf(order).id().toString())
                        .param("quantity", "0")
                        .param("version", String.valueOf(order.version()))
                        .with(csrf())
                        .with(AGENT))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give a quantity from 1 to 99")));

        orders.cancel(order.id(), "Cancelled in tests", "tests");
        OrderView cancelled = orders.find(order.id()).orElseThrow();
        mvc.perform(post(path + "/changes/preview")
                        .param("change", "REMOVE")
                        .param("line", shirtsOf(order).id().toString())
                        .param("version", String.valueOf(cancelled.version()))
                        .with(csrf())
                        .with(AGENT))
                .andExpect(status().isConflict())
                .andExpect(
                        content().string(allOf(containsString("cancelled"), not(containsString("Change the order")))));
        assertThat(orders.find(order.id()).orElseThrow().version()).isEqualTo(cancelled.version());
    }

    @Test
    void aStoreAssociateMayNotChangeAnOrder() throws Exception {
        OrderView order = data.webOrder();
        String path = "/admin/orders/" + order.id().id();
        RequestPostProcessor associate = user("store-changes@example.org").roles("ASSOCIATE");
        mvc.perform(get(path).with(associate))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/changes/preview"))));
        mvc.perform(post(path + "/changes")
                        .param("change", "REMOVE")
                        .param("line", shirtsOf(order).id().toString())
                        .param("version", String.valueOf(order.version()))
                        .with(csrf())
                        .with(associate))
                .andExpect(status().isForbidden());
        assertThat(orders.find(order.id()).orElseThrow().version()).isEqualTo(order.version());
    }

    @Test
    void anotherSizeIsOfferedPreviewedAndSwapped() throws Exception {
        OrderView order = data.webOrder();
        String larger = data.largerShirt(data.store());
        OrderView.Line shirts = shirtsOf(order);
        String path = "/admin/orders/" + order.id().id();

        mvc.perform(get(path).with(AGENT)).andExpect(content().string(containsString("value=\"" + larger + "\"")));
        mvc.perform(post(path + "/changes/preview")
                        .param("change", "VARIANT")
                        .param("line", shirts.id().toString())
                        .param("sku", larger)
                        .param("version", String.valueOf(order.version()))
                        .with(csrf())
                        .with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(larger), containsString("None"))));
        mvc.perform(post(path + "/changes")
                        .param("change", "VARIANT")
                        .param("line", shirts.id().toString())
                        .param("sku", larger)
                        .param("version", String.valueOf(order.version()))
                        .with(csrf())
                        .with(AGENT))
                .andExpect(status().isFound());

        assertThat(orders.find(order.id()).orElseThrow().lines())
                .anySatisfy(line -> assertThat(line.sku()).isEqualTo(larger));
    }

    @Test
    void aDeliveredOrderIsHandedToTheReturnsPortalInANewTabAndNoLongerChanged() throws Exception {
        OrderView order = data.webOrder();
        String path = "/admin/orders/" + order.id().id();
        mvc.perform(get(path).with(AGENT)).andExpect(content().string(not(containsString("/returns/start?t="))));

        data.delivered(order);
        String page = mvc.perform(get(path).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/changes/preview"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        "<a href=\"/returns/start\\?t=([^\"]+)\" target=\"_blank\" rel=\"noopener\"")
                .matcher(page);
        assertThat(link.find()).as(page).isTrue();
        assertThat(trackingLinks.verify(link.group(1))).contains(order.id());
    }

    private static OrderView.Line shirtsOf(OrderView order) {
        return order.lines().stream()
                .filter(line -> line.sku().contains("SHIRT"))
                .findFirst()
                .orElseThrow();
    }
}
