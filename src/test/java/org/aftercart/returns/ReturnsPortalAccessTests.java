package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees what in the returns portal, over plain HTTP: a session sees only the order it proved
 * (and that order's returns and labels), a refused lookup does not say which detail was wrong,
 * and too many lookups of one order number are refused.
 */
@ReturnsIntegrationTest
class ReturnsPortalAccessTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Returns returns;

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    ReturnFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ReturnFixtures(catalog, inventory, orders);
    }

    @Test
    void aSessionSeesOnlyTheOrderItProvedAndItsReturns() throws Exception {
        String sku = fixtures.products.variant("SCARF", "ONE", "30.00", 5);
        OrderView mine = fixtures.delivered(sku, 1);
        OrderView theirs = fixtures.delivered(sku, 1);
        ReturnView theirReturn = returns.request(new RequestReturn(
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
        Guest guest = new Guest();

        assertThat(guest.lookup(mine.number(), mine.email()).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location)
                        .endsWith("/returns/orders/" + mine.id().id()));

        assertThat(guest.get("/returns/orders/" + mine.id().id()).statusCode()).isEqualTo(200);
        assertThat(guest.get("/returns/orders/" + theirs.id().id()).statusCode())
                .isEqualTo(404);
        assertThat(guest.get("/returns/" + theirReturn.id().id()).statusCode()).isEqualTo(404);
        assertThat(guest.get("/returns/" + theirReturn.id().id() + "/label.pdf").statusCode())
                .isEqualTo(404);
        assertThat(guest.get("/returns/not-an-id").statusCode()).isEqualTo(404);
        assertThat(new Guest().get("/returns/orders/" + mine.id().id()).statusCode())
                .as("another browser proved nothing")
                .isEqualTo(404);
        HttpResponse<String> cancel = guest.post("/returns/" + theirReturn.id().id() + "/cancel", "");
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(returns.find(theirReturn.id()).orElseThrow().status()).isEqualTo(ReturnStatus.APPROVED);
    }

    @Test
    void theSameFormSentTwiceAsksOnce() throws Exception {
        String sku = fixtures.products.variant("SOCKS", "ONE", "12.00", 5);
        OrderView order = fixtures.delivered(sku, 3);
        Guest guest = new Guest();
        guest.lookup(order.number(), order.email());
        String form = "requestKey=" + UUID.randomUUID() + "&lines[0].orderLineId="
                + order.lines().getFirst().id() + "&lines[0].quantity=1&lines[0].reasonCode=changed-mind"
                + "&lines[0].outcome=REFUND&method=DROP_OFF";

        HttpResponse<String> first = guest.post("/returns/orders/" + order.id().id(), form);
        HttpResponse<String> again = guest.post("/returns/orders/" + order.id().id(), form);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(returns.ofOrder(order.id())).hasSize(1);
        HttpResponse<String> changed =
                guest.post("/returns/orders/" + order.id().id(), form.replace("quantity=1", "quantity=2"));
        assertThat(changed.body()).contains("This form was already sent.");
        assertThat(returns.ofOrder(order.id())).hasSize(1);
    }

    @Test
    void anExchangeForAnotherProductIsRefusedOnItsFieldAndNothingIsWritten() throws Exception {
        String small = fixtures.products.variant("PARKA", "S", "90.00", 5);
        String large = fixtures.products.variant("PARKA", "L", "90.00", 5);
        String otherProduct = fixtures.products.variant("WATCH", "ONE", "400.00", 5);
        OrderView order = fixtures.delivered(small, 1);
        Guest guest = new Guest();
        guest.lookup(order.number(), order.email());
        String form = "requestKey=" + UUID.randomUUID() + "&lines[0].orderLineId="
                + order.lines().getFirst().id() + "&lines[0].quantity=1&lines[0].reasonCode=too-small"
                + "&lines[0].outcome=EXCHANGE&method=DROP_OFF&lines[0].exchangeSku=";

        HttpResponse<String> forged = guest.post("/returns/orders/" + order.id().id(), form + otherProduct);

        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body())
                .contains("id=\"line-0-exchange-error\"")
                .contains("choose one of the sizes or colours offered to exchange for.")
                .contains("href=\"#line-0-exchange\"");
        assertThat(returns.ofOrder(order.id())).isEmpty();

        HttpResponse<String> instant = guest.post(
                "/returns/orders/" + order.id().id(),
                form.replace("outcome=EXCHANGE", "outcome=INSTANT_EXCHANGE") + otherProduct);
        assertThat(instant.body()).contains("id=\"line-0-exchange-error\"");
        assertThat(returns.ofOrder(order.id())).isEmpty();

        HttpResponse<String> anotherSize =
                guest.post("/returns/orders/" + order.id().id(), form + large);
        assertThat(anotherSize.statusCode()).isEqualTo(302);
        assertThat(returns.ofOrder(order.id())).singleElement().satisfies(created -> assertThat(
                        created.items().getFirst().exchangeSku())
                .isEqualTo(large));
    }

    @Test
    void aRefusedLookupSaysNothingAboutWhichDetailWasWrong() throws Exception {
        String sku = fixtures.products.variant("GLOVES", "ONE", "30.00", 5);
        OrderView order = fixtures.delivered(sku, 1);

        HttpResponse<String> wrongContact = new Guest().lookup(order.number(), "not-the-buyer@example.org");
        HttpResponse<String> wrongNumber = new Guest().lookup("NO-" + UUID.randomUUID(), order.email());

        assertThat(wrongContact.statusCode()).isEqualTo(200);
        assertThat(wrongContact.body()).contains("No order matches these details.");
        assertThat(wrongNumber.body()).contains("No order matches these details.");
        assertThat(new Guest().get("/returns/orders/" + order.id().id()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void tooManyLookupsOfOneOrderNumberAreRefused() throws Exception {
        String number = "TRY-" + UUID.randomUUID().toString().substring(0, 8);
        Guest guest = new Guest();
        for (int i = 0; i < 5; i++) {
            assertThat(guest.lookup(number, "guess-" + i + "@example.org").statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = guest.lookup(number, "guess@example.org");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    /** A browser without a browser: its own cookies, and the form's CSRF token sent back. */
    private final class Guest {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept-Language", "en")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            Matcher token = CSRF.matcher(get("/returns").body());
            assertThat(token.find()).as("the lookup form carries a CSRF token").isTrue();
            String body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
                    + (form.isEmpty() ? "" : "&" + form);
            return client.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept-Language", "en")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> lookup(String number, String contact) throws Exception {
            return post(
                    "/returns",
                    "orderNumber=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&contact="
                            + URLEncoder.encode(contact, StandardCharsets.UTF_8));
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
