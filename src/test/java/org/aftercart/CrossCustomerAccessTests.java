package org.aftercart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.CustomerId;
import org.aftercart.inventory.Inventory;
import org.aftercart.offers.ThankYouLinks;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.RequestReturn;
import org.aftercart.returns.ReturnChannel;
import org.aftercart.returns.ReturnMethod;
import org.aftercart.returns.ReturnOutcome;
import org.aftercart.returns.ReturnStatus;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.tracking.TrackingLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Customer A, holding every proof A can have (a session, A's tracking, thank-you and returns
 * links), reaches nothing of customer B's: B's order, return and account pages answer exactly as
 * an order or return that does not exist, nothing of B's is changed, and a guest lookup with B's
 * order number and A's address finds nothing, alike whichever detail was wrong.
 */
@RouteAccessTest
class CrossCustomerAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderManagement orders;

    @Autowired
    Returns returns;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    TrackingLinks trackingLinks;

    @Autowired
    ThankYouLinks thankYouLinks;

    @Autowired
    OneTimeTokenService signInTokens;

    OrderView mine;
    OrderView theirs;
    ReturnView theirReturn;

    @BeforeEach
    void twoCustomers() {
        mine = Shop.order(catalog, inventory, orders);
        theirs = Shop.order(catalog, inventory, orders);
        theirReturn = returns.request(new RequestReturn(
                theirs.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        theirs.lines().getFirst().id(),
                        1,
                        "changed-mind",
                        null,
                        ReturnOutcome.REFUND,
                        null,
                        null,
                        List.of())),
                false,
                null,
                "customer"));
        assertThat(mine.customerId()).isNotEqualTo(theirs.customerId());
    }

    @Test
    void aSignedInCustomerFindsAnotherCustomersOrderAsIfItDidNotExist() throws Exception {
        OrderView theirOpenOrder = Shop.placed(catalog, inventory, orders);
        assertThat(theirOpenOrder.changeable()).isTrue();
        MockHttpSession session = Sessions.customer(mvc, signInTokens, CustomerId.of(mine.customerId()));
        String unknown = UUID.randomUUID().toString();

        assertThat(page(get("/account/orders/" + mine.id().id()), session).getStatus())
                .as("the customer's own order")
                .isEqualTo(200);
        for (String path : List.of("", "/cancel", "/address")) {
            assertAlike(
                    page(get("/account/orders/" + theirOpenOrder.id().id() + path), session),
                    page(get("/account/orders/" + unknown + path), session));
        }
        for (String path : List.of("/preview", "/change", "/cancel", "/address")) {
            MockHttpServletRequestBuilder forged = post("/account/orders/"
                            + theirOpenOrder.id().id() + path)
                    .param("version", Long.toString(theirOpenOrder.version()))
                    .param("change", "QUANTITY")
                    .param("line", theirOpenOrder.lines().getFirst().id().toString())
                    .param("quantity", "1")
                    .param("name", "Mallory")
                    .param("line1", "1 Elsewhere")
                    .param("city", "Leeds")
                    .param("postcode", "LS1 1AA");
            assertAlike(page(forged, session), page(post("/account/orders/" + unknown + path), session));
        }
        OrderView after = orders.find(theirOpenOrder.id()).orElseThrow();
        assertThat(after.status()).isNotEqualTo(OrderStatus.CANCELLED);
        assertThat(after.version()).isEqualTo(theirOpenOrder.version());
        assertThat(after.shipTo()).isEqualTo(theirOpenOrder.shipTo());
    }

    @Test
    void aCustomersSessionOpensNeitherTheApiNorTheConsole() throws Exception {
        MockHttpSession session = Sessions.customer(mvc, signInTokens, CustomerId.of(mine.customerId()));

        for (String path : List.of(
                "/api/v1/orders/" + theirs.id().id(),
                "/api/v1/customers/" + theirs.customerId() + "/wallet",
                "/api/v1/customers/" + mine.customerId() + "/personal-data",
                "/api/v1/returns/" + theirReturn.id().id())) {
            MockHttpServletResponse response =
                    mvc.perform(get(path).session(session)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(401);
        }
        MockHttpServletResponse console = page(get("/console/customers/" + theirs.customerId()), session);
        assertThat(console.getStatus()).isEqualTo(302);
        assertThat(console.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void aTrackingLinkChangedToAnotherOrderOpensNothing() throws Exception {
        String token = trackingLinks.tokenFor(mine.id());
        assertThat(page(get("/track/" + token), null).getContentAsString()).contains(mine.number());

        MockHttpServletResponse changed = page(get("/track/" + naming(token, theirs.id())), null);
        assertAlike(changed, page(get("/track/" + naming(token, new OrderId(UUID.randomUUID()))), null));
        assertThat(changed.getStatus()).isEqualTo(404);
        assertAlike(page(get("/track/" + thankYouLinks.tokenFor(theirs.id())), null), changed);
        assertAlike(page(get("/track/" + naming(token, theirs.id()) + "/go?slot=complementary&sku=X"), null), changed);
    }

    @Test
    void aThankYouLinkChangedToAnotherOrderOpensNothing() throws Exception {
        String token = thankYouLinks.tokenFor(mine.id());
        assertThat(page(get("/thank-you/" + token), null).getStatus()).isEqualTo(200);

        MockHttpServletResponse changed = page(get("/thank-you/" + naming(token, theirs.id())), null);
        assertThat(changed.getStatus()).isEqualTo(404);
        assertAlike(changed, page(get("/thank-you/" + naming(token, new OrderId(UUID.randomUUID()))), null));
        assertAlike(page(get("/thank-you/" + trackingLinks.tokenFor(theirs.id())), null), changed);
    }

    @Test
    void theReturnsPortalHandOverOfOneOrderOpensNoOtherOrderNorItsReturns() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse start =
                page(get("/returns/start").param("t", trackingLinks.tokenFor(mine.id())), session);
        assertThat(start.getRedirectedUrl())
                .isEqualTo("/returns/orders/" + mine.id().id());
        assertThat(page(get("/returns/orders/" + mine.id().id()), session).getStatus())
                .isEqualTo(200);

        MockHttpServletResponse unknown = page(get("/returns/orders/" + UUID.randomUUID()), session);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertAlike(page(get("/returns/orders/" + theirs.id().id()), session), unknown);
        assertAlike(page(post("/returns/orders/" + theirs.id().id()), session), unknown);
        assertAlike(page(get("/returns/" + theirReturn.id().id()), session), unknown);
        assertAlike(page(get("/returns/" + theirReturn.id().id() + "/label.pdf"), session), unknown);
        assertAlike(page(post("/returns/" + theirReturn.id().id() + "/cancel"), session), unknown);
        assertThat(returns.find(theirReturn.id()).orElseThrow().status()).isNotEqualTo(ReturnStatus.CANCELLED);

        String changed = naming(trackingLinks.tokenFor(mine.id()), theirs.id());
        assertAlike(page(get("/returns/start").param("t", changed), new MockHttpSession()), unknown);
        assertAlike(
                page(get("/returns/start").param("t", thankYouLinks.tokenFor(theirs.id())), new MockHttpSession()),
                unknown);
    }

    @Test
    void aGuestLookupWithAnotherOrdersNumberAndOnesOwnAddressFindsNothing() throws Exception {
        for (String lookup : List.of("/track", "/returns")) {
            MockHttpServletResponse wrongAddress =
                    page(post(lookup).param("orderNumber", theirs.number()).param("contact", mine.email()), null);
            MockHttpServletResponse wrongPostcode =
                    page(post(lookup).param("orderNumber", theirs.number()).param("contact", "ZZ9 9ZZ"), null);
            MockHttpServletResponse noSuchOrder =
                    page(post(lookup).param("orderNumber", "AC-999999999").param("contact", mine.email()), null);
            assertThat(wrongAddress.getStatus()).as(lookup).isEqualTo(200);
            assertThat(wrongAddress.getRedirectedUrl()).as(lookup).isNull();
            assertThat(withoutEcho(wrongAddress, theirs.number()))
                    .as(lookup)
                    .isEqualTo(withoutEcho(wrongPostcode, theirs.number()))
                    .isEqualTo(withoutEcho(noSuchOrder, "AC-999999999"));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A page request as a browser sends it, in this session (or none), with the form's CSRF token. */
    private MockHttpServletResponse page(MockHttpServletRequestBuilder request, MockHttpSession session)
            throws Exception {
        request.accept(MediaType.TEXT_HTML).with(csrf());
        if (session != null) {
            request.session(session);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /**
     * Two answers a visitor cannot tell apart: the same status and, but for the form token and the
     * address the language links repeat, the same page; and neither shows anything of the other customer's.
     */
    private void assertAlike(MockHttpServletResponse answer, MockHttpServletResponse toNothing) throws Exception {
        assertThat(answer.getStatus()).isEqualTo(toNothing.getStatus()).isIn(404, 410);
        assertThat(page(answer)).isEqualTo(page(toNothing));
        assertThat(answer.getContentAsString()).doesNotContain(theirs.number()).doesNotContain(theirs.email());
    }

    private static String page(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString()
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("content=\"[^\"]*\" name=\"_csrf\"", "")
                // the language links repeat the address asked for
                .replaceAll("href=\"[^\"?]*\\?lang=", "href=\"?lang=");
    }

    /** The lookup's answer without the order number it repeats back to the visitor. */
    private static String withoutEcho(MockHttpServletResponse response, String number) throws Exception {
        return page(response).replace(number, "#");
    }

    /** The same token with another order's id in it, signature untouched: what a visitor could try. */
    private static String naming(String token, OrderId order) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        ByteBuffer.wrap(bytes, 1, 16)
                .putLong(order.id().getMostSignificantBits())
                .putLong(order.id().getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
