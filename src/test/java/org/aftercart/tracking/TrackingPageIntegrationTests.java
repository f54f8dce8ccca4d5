package org.aftercart.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public tracking page over HTTP: signed links, guest lookup, rate limits, counting, and that
 * a visitor only ever sees the order the link or the lookup proved.
 */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@AutoConfigureMockMvc
class TrackingPageIntegrationTests {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    TrackingLinks links;

    @Autowired
    TrackingIntake intake;

    @Autowired
    Tracking tracking;

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

    ShippedOrders shipping;

    @BeforeEach
    void setUp() {
        shipping = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @Test
    void aSignedLinkShowsEachParcelWithItsItemsProgressTimelineAndPromise() throws Exception {
        var shipped = twoParcelsOneDelivered("page@example.org");
        String token = links.tokenFor(shipped.order().id());

        String page = mvc.perform(get("/track/" + token).header("Accept-Language", "en-GB"))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Content-Security-Policy", Matchers.noInlineScriptsOrStyles()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Your order " + shipped.order().number())
                .contains("Hello Tracy")
                .contains("Parcel 1 of 2", "Parcel 2 of 2")
                .contains("Product MUG", "Product PLATE")
                .contains("Delivered", "In transit", "Partly delivered")
                .contains("Left with the neighbour", "Arrived at the hub", "Paris, France")
                .contains("role=\"progressbar\"", "aria-valuenow=\"3\"", "aria-valuenow=\"1\"")
                .contains("Expected delivery", "Delivered on")
                .containsPattern("Times are shown in (Greenwich Mean|British Summer) Time.")
                .contains("href=\"/help?lang=en\"", "/returns/start?t=")
                .contains(shipped.trackingNumbers().toArray(String[]::new));
    }

    @Test
    void theCustomersLanguageAndTimeZoneComeFromTheirProfileUnlessTheyPickOne() throws Exception {
        var shipped = twoParcelsOneDelivered("profile@example.org");
        jdbc.sql("update customers.customers set language = 'fr', time_zone = 'America/New_York' where email = ?")
                .param("profile@example.org")
                .update();
        String token = links.tokenFor(shipped.order().id());

        String french = page(token, "en-GB");
        assertThat(french)
                .contains("lang=\"fr\"", "Votre commande " + shipped.order().number(), "Livrée en partie")
                .contains("Heures indiquées en heure")
                .containsPattern("de l’Est( nord-américain)?")
                .doesNotContain("Your order");

        String picked = mvc.perform(get("/track/" + token + "?lang=en").header("Accept-Language", "fr"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(picked).contains("Your order " + shipped.order().number(), "Eastern");
    }

    @Test
    void withoutAProfileLanguageTheBrowsersIsUsed() throws Exception {
        var shipped = twoParcelsOneDelivered("browser@example.org");
        jdbc.sql("update customers.customers set language = '' where email = ?")
                .param("browser@example.org")
                .update();
        assertThat(page(links.tokenFor(shipped.order().id()), "fr-FR,fr;q=0.9"))
                .contains("Votre commande", "En transit", "Historique du suivi");
    }

    @Test
    void forgedExpiredOrGarbledLinksGetTheSameNotFoundPage() throws Exception {
        var shipped = shipping.shipInParcels("forged@example.org", "MUG");
        OrderId order = shipped.order().id();
        String good = links.tokenFor(order);
        TrackingLinks otherSecret = new TrackingLinks(
                new TrackingLinkSettings("another secret", List.of(), Duration.ofDays(1), "http://x"),
                Clock.systemUTC());

        List<String> bad = List.of(
                flipped(good, 30),
                flipped(good, 50),
                links.tokenFor(order, Duration.ofSeconds(-1)),
                otherSecret.tokenFor(order),
                "not-a-token",
                good.substring(0, 54),
                good + "A",
                "*".repeat(55),
                good.substring(0, 54) + "=");
        for (String token : bad) {
            String body = mvc.perform(get("/track/" + token))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body)
                    .contains("We cannot show this page")
                    .doesNotContain(shipped.order().number());
        }
    }

    @Test
    void linksSignedWithAPreviousSecretStillOpenAfterRotation() {
        OrderId order = OrderId.random();
        TrackingLinks before = new TrackingLinks(
                new TrackingLinkSettings("old secret", List.of(), Duration.ofDays(1), "http://x"), Clock.systemUTC());
        TrackingLinks after = new TrackingLinks(
                new TrackingLinkSettings("new secret", List.of("old secret"), Duration.ofDays(1), "http://x"),
                Clock.systemUTC());
        String token = before.tokenFor(order);

        assertThat(token).hasSize(55).matches("[A-Za-z0-9_-]+");
        assertThat(after.verify(token)).contains(order);
        assertThat(after.verify(after.tokenFor(order))).contains(order);
        assertThat(before.verify(after.tokenFor(order))).isEmpty();
        assertThat(after.linkFor(order).toString()).startsWith("http://x/track/");
    }

    @Test
    void aGuestFindsTheOrderWithItsNumberAndEmailOrPostcode() throws Exception {
        var shipped = shipping.shipInParcels("Guest.Lookup@example.org", "MUG");
        String number = shipped.order().number();

        String location = mvc.perform(post("/track")
                        .with(csrf())
                        .with(fromNewAddress())
                        .param("orderNumber", " " + number.toLowerCase() + " ")
                        .param("contact", "guest.lookup@EXAMPLE.org"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/track/");
        assertThat(links.verify(location.substring("/track/".length())))
                .contains(shipped.order().id());

        mvc.perform(post("/track")
                        .with(csrf())
                        .with(fromNewAddress())
                        .param("orderNumber", number)
                        .param("contact", "75 002"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aWrongEmailAndAnUnknownNumberGetTheSameAnswer() throws Exception {
        var shipped = shipping.shipInParcels("wrong-email@example.org", "MUG");
        String wrongEmail = lookup(shipped.order().number(), "someone-else@example.org");
        String wrongPostcode = lookup(shipped.order().number(), "SW1A 1AA");
        String unknownNumber = lookup("AC-NO-SUCH-ORDER", "wrong-email@example.org");

        for (String answer : List.of(wrongEmail, wrongPostcode, unknownNumber)) {
            assertThat(answer)
                    .contains("We could not find an order with those details.")
                    .doesNotContain("Tracy", "Product MUG", "Parcel 1");
        }
        assertThat(strip(wrongEmail, shipped.order().number())).isEqualTo(strip(unknownNumber, "AC-NO-SUCH-ORDER"));
    }

    @Test
    void theLookupNeedsTheFormsCsrfToken() throws Exception {
        mvc.perform(post("/track").param("orderNumber", "AC-1").param("contact", "x@example.org"))
                .andExpect(status().isForbidden());
    }

    @Test
    void oneOrderNumberCannotBeTriedOverAndOverEvenFromManyAddresses() throws Exception {
        var shipped = shipping.shipInParcels("guessed@example.org", "MUG");
        String number = shipped.order().number();
        for (int i = 0; i < 5; i++) {
            lookup(number, "guess" + i + "@example.org");
        }
        // Even the right details are refused now: the number itself is spent for the window.
        mvc.perform(post("/track")
                        .with(csrf())
                        .with(fromNewAddress())
                        .param("orderNumber", number)
                        .param("contact", "guessed@example.org"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Too many attempts")));
    }

    @Test
    void oneAddressCannotTryManyOrderNumbers() throws Exception {
        RequestPostProcessor address = fromNewAddress();
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            int status = mvc.perform(post("/track")
                            .with(csrf())
                            .with(address)
                            .param("orderNumber", "AC-" + (900000 + i))
                            .param("contact", "x@example.org"))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (status == 429) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(5);
    }

    @Test
    void aLinkNeverShowsAnotherCustomersOrder() throws Exception {
        var mine = shipping.shipInParcels("mine@example.org", "MUG");
        var theirs = shipping.shipInParcels("theirs@example.org", "PLATE");
        String page = page(links.tokenFor(mine.order().id()), "en");

        assertThat(page)
                .contains(mine.order().number())
                .doesNotContain(theirs.order().number());
        assertThat(page).doesNotContain(theirs.trackingNumbers().getFirst());
        assertThat(page).doesNotContain("theirs@example.org");
    }

    @Test
    void visitsAndProductClicksAreCountedAndClicksOnlyLeadToCatalogProducts() throws Exception {
        var shipped = shipping.shipInParcels("counted@example.org", "MUG", "PLATE");
        String token = links.tokenFor(shipped.order().id());
        UUID order = shipped.order().id().id();

        String page = page(token, "en");
        page(token, "en");
        // visits are written in the background every few seconds
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(jdbc.sql("select visits from tracking.page_visits where order_id = ?")
                                .param(order)
                                .query(Long.class)
                                .list())
                        .containsExactly(2L));

        Matcher product = Pattern.compile("/track/" + token + "/go\\?slot=complementary&amp;sku=([^\"]+)\"")
                .matcher(page);
        assertThat(product.find()).as("a complementary product on the page").isTrue();
        String sku = product.group(1);
        assertThat(shipped.order().lines()).noneMatch(line -> line.sku().equals(sku));

        String target = mvc.perform(get("/track/" + token + "/go")
                        .param("slot", "complementary")
                        .param("sku", sku))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(target).startsWith("https://shop.example.com/products/");
        assertThat(jdbc.sql("select clicks from tracking.slot_clicks where order_id = ? and slot = ? and sku = ?")
                        .params(order, "complementary", sku)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        for (var params : List.of(
                List.of("complementary", "https://evil.example/"),
                List.of("complementary", "NO-SUCH-SKU"),
                List.of("elsewhere", sku))) {
            mvc.perform(get("/track/" + token + "/go")
                            .param("slot", params.get(0))
                            .param("sku", params.get(1)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/track/" + flipped(token, 20) + "/go")
                        .param("slot", "complementary")
                        .param("sku", sku))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select coalesce(sum(clicks), 0) from tracking.slot_clicks where order_id = ?")
                        .param(order)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theBrandComesFromSettingsAsCustomProperties() throws Exception {
        mvc.perform(get("/css/brand.css"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("--brand-primary: #0f766e;")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("--brand-on-primary: #ffffff;")));
        mvc.perform(get("/track").header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Suivre ma commande")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
    }

    @Test
    void aPageSeenBeforeShowsTheCarriersNewsAtOnce() throws Exception {
        var shipped = shipping.shipInParcels("fresh@example.org", "VASE");
        String token = links.tokenFor(shipped.order().id());
        assertThat(page(token, "en")).doesNotContain("Left at the door");

        intake.accept(
                "generic",
                null,
                List.of(new CarrierReport(
                        "canonical",
                        "La Poste",
                        shipped.trackingNumbers().getFirst(),
                        null,
                        List.of(event(T0, "DELIVERED", "Left at the door")))));

        assertThat(page(token, "en")).contains("Left at the door");
    }

    @Test
    void aLateParcelsHelpLeadsToTheHelpCentresArticleAboutLateParcels() throws Exception {
        var shipped = shipping.shipInParcels("late@example.org", "JUG");
        String token = links.tokenFor(shipped.order().id());

        intake.accept(
                "generic",
                null,
                List.of(new CarrierReport(
                        "canonical",
                        "La Poste",
                        shipped.trackingNumbers().getFirst(),
                        null,
                        List.of(event(T0, "DELAYED", "Held at the depot")))));

        assertThat(page(token, "en"))
                .contains("href=\"/help/for/parcel-delayed?lang=en&amp;order="
                        + shipped.order().number() + "\"");
    }

    /** An order of two parcels: the mug's delivered, the plate's in transit. */
    ShippedOrders.Shipped twoParcelsOneDelivered(String email) {
        var shipped = shipping.shipInParcels(email, "MUG", "PLATE");
        ShipmentView mug = tracking.shipmentsOf(shipped.order().id()).stream()
                .filter(parcel -> parcel.items().getFirst().sku().endsWith("MUG-ONE"))
                .findFirst()
                .orElseThrow();
        String plate = shipped.trackingNumbers().stream()
                .filter(number -> !number.equals(mug.trackingNumber()))
                .findFirst()
                .orElseThrow();
        intake.accept(
                "generic",
                null,
                List.of(
                        new CarrierReport(
                                "canonical",
                                "La Poste",
                                mug.trackingNumber(),
                                null,
                                List.of(
                                        event(T0, "IN_TRANSIT", "Arrived at the hub"),
                                        event(T0.plusSeconds(7200), "OUT_FOR_DELIVERY", "With the courier"),
                                        event(T0.plusSeconds(9000), "DELIVERED", "Left with the neighbour"))),
                        new CarrierReport(
                                "canonical",
                                "La Poste",
                                plate,
                                null,
                                List.of(event(T0.plusSeconds(600), "IN_TRANSIT", "Arrived at the hub")))));
        return shipped;
    }

    private static CarrierEvent event(Instant at, String status, String description) {
        return new CarrierEvent(at, status, null, description, new EventLocation("Paris", null, "75002", "FR"));
    }

    private String page(String token, String language) throws Exception {
        return mvc.perform(get("/track/" + token).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String lookup(String number, String contact) throws Exception {
        return mvc.perform(post("/track")
                        .with(csrf())
                        .with(fromNewAddress())
                        .param("orderNumber", number)
                        .param("contact", contact))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Each lookup from an address of its own, so that the per-address limit never gets in the way. */
    private static RequestPostProcessor fromNewAddress() {
        int n = ADDRESSES.getAndIncrement();
        String address = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String strip(String page, String number) {
        return page.replace(number, "").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private static String flipped(String token, int at) {
        char c = token.charAt(at);
        return token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    private static final class Matchers {
        static org.hamcrest.Matcher<String> noInlineScriptsOrStyles() {
            return org.hamcrest.Matchers.allOf(
                    org.hamcrest.Matchers.containsString("script-src 'self'"),
                    org.hamcrest.Matchers.containsString("style-src 'self';"),
                    org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")));
        }
    }
}
