package org.aftercart.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.ContactDetails;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.orders.PaymentStatus;
import org.aftercart.orders.PlaceOrder;
import org.aftercart.orders.SalesChannel;
import org.aftercart.orders.ShippingAddress;
import org.aftercart.platform.ApiKeys;
import org.aftercart.support.ApiClient;
import org.aftercart.support.TestCatalog;
import org.aftercart.tracking.TrackingLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The thank-you page over HTTP, as a storefront and a customer's browser use it: the link in the
 * order API's answer, what the page shows, the offer's views and clicks counted per order (and not
 * for HEAD or a prefetch), clicks sent only to the offer's own target, and bad links refused without
 * naming the order.
 */
// The page browser tests' settings, so that all share one application context.
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"aftercart.fulfillment.hold-window=PT0S", "aftercart.branding.logo-url=/images/demo-shop-logo.svg"
        })
class ThankYouPageIntegrationTests {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"thank-you\"");

    @LocalServerPort
    int port;

    @Autowired
    ThankYouLinks links;

    @Autowired
    TrackingLinks trackingLinks;

    @Autowired
    Offers offers;

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    ApiKeys apiKeys;

    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirect
    private ApiClient api;
    private TestCatalog products;

    @BeforeEach
    void setUp() {
        api = ApiClient.withNewKey(apiKeys, port, "thank-you tests", "ak_thank_you_tests");
        products = new TestCatalog(catalog, inventory);
    }

    @Test
    void theOrderApiAnswersWithALinkToAPageThatShowsTheOrderExactly() throws Exception {
        String mug = products.variant("TYMUG", "ONE", "12.45", 50);
        String plate = products.variant("TYPLATE", "ONE", "10.00", 50);
        String body =
                """
                {"channel":"WEB","currency":"EUR","paymentStatus":"PAID","shipping":"3.95",
                 "customer":{"email":"thanks@example.org","name":"Jo Bloggs"},
                 "shipTo":{"name":"Jo Bloggs","line1":"1 High Street","city":"Leeds","postcode":"LS1 4AP","country":"GB"},
                 "lines":[{"sku":"%s","quantity":3},{"sku":"%s","quantity":1}]}"""
                        .formatted(mug, plate);
        String key = "thank-you-" + UUID.randomUUID();

        var created = api.post("/api/v1/orders", body, Map.of("Idempotency-Key", key));
        var replayed = api.post("/api/v1/orders", body, Map.of("Idempotency-Key", key));

        assertThat(created.status()).isEqualTo(201);
        String link = thankYouLink(created.headers());
        assertThat(link).startsWith("http://localhost:8080/thank-you/");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(thankYouLink(replayed.headers())).startsWith("http://localhost:8080/thank-you/");
        String number = created.json().get("number").asString();

        var page = get(URI.create(link).getPath(), Map.of("Accept-Language", "en-GB"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(page.body())
                .contains("Thank you, Jo!", "Your order " + number + " is confirmed")
                .contains("Product TYMUG", "€12.45", "€37.35", "€10.00", "€3.95", "€51.30")
                .contains("Expected between")
                .contains("href=\"/track/", "href=\"/account\"", "until we start packing it", "Help centre");
    }

    @Test
    void viewsAreCountedPerOrderButNotForHeadOrPrefetchAndClicksLeadToTheOffersTarget() throws Exception {
        Offer offer = new LiveOffers(offers)
                .takeTheSlot(LiveOffers.unique("Free gift wrap"), List.of(), "https://shop.example.com/gift", "WRAP");
        OrderView first = place("views-1@example.org");
        OrderView second = place("views-2@example.org");
        String page = links.pathFor(first.id());

        assertThat(get(page, Map.of()).body()).contains(offer.headline(), "WRAP", "Shop now");
        get(page, Map.of());
        assertThat(send(HttpRequest.newBuilder(uri(page))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(200);
        get(page, Map.of("Sec-Purpose", "prefetch"));
        get(page, Map.of("Purpose", "prefetch"));
        get(links.pathFor(second.id()), Map.of());

        assertThat(stats(offer)).isEqualTo(new OfferStats(3, 2, 0, 0));

        var click = get(page + "/offers/" + offer.id() + "?url=https://evil.example.net/", Map.of());
        get(page + "/offers/" + offer.id(), Map.of());

        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).contains("https://shop.example.com/gift");
        assertThat(stats(offer)).isEqualTo(new OfferStats(3, 2, 2, 1));
        assertThat(stats(offer).clickThroughPercent()).isEqualByComparingTo("50.0");
    }

    @Test
    void clicksOnAnOfferThatDoesNotExistAreRefused() throws Exception {
        String page = links.pathFor(place("no-offer@example.org").id());

        for (String offer : List.of(
                UUID.randomUUID().toString(),
                "not-an-id",
                UUID.randomUUID().toString().substring(1))) {
            var answer = get(page + "/offers/" + offer, Map.of());
            assertThat(answer.statusCode()).as(offer).isEqualTo(404);
            assertThat(answer.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void expiredLinksSayHowToFindTheOrderAndOtherBadLinksNameNothing() throws Exception {
        OrderView order = place("bad-links@example.org");
        Offer offer = new LiveOffers(offers)
                .takeTheSlot(LiveOffers.unique("Bad links"), List.of(), "https://shop.example.com/x", null);
        String good = links.tokenFor(order.id());
        ThankYouLinks otherSecret = new ThankYouLinks(
                new ThankYouLinkSettings("another secret", List.of(), Duration.ofDays(1), "http://x"),
                Clock.systemUTC());
        char[] forged = good.toCharArray();
        forged[12] = forged[12] == 'A' ? 'B' : 'A';

        var expired = get("/thank-you/" + links.tokenFor(order.id(), Duration.ofSeconds(-1)), Map.of());
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body())
                .contains("This link has expired", "href=\"/track?lang=en\"")
                .doesNotContain(order.number(), offer.headline());
        assertThat(get(
                                "/thank-you/" + links.tokenFor(order.id(), Duration.ofSeconds(-1)) + "/offers/"
                                        + offer.id(),
                                Map.of())
                        .statusCode())
                .isEqualTo(410);

        for (String token : List.of(
                new String(forged),
                trackingLinks.tokenFor(order.id()),
                otherSecret.tokenFor(order.id()),
                links.tokenFor(OrderId.random()),
                good.substring(0, 54),
                "not-a-token")) {
            var answer = get("/thank-you/" + token, Map.of());
            assertThat(answer.statusCode()).as(token).isEqualTo(404);
            assertThat(answer.body())
                    .contains("We cannot show this page")
                    .doesNotContain(order.number(), offer.headline());
            assertThat(get("/thank-you/" + token + "/offers/" + offer.id(), Map.of())
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(stats(offer)).isEqualTo(OfferStats.NONE);
    }

    @Test
    void eachLanguageShowsItsOwnOffer() throws Exception {
        LiveOffers live = new LiveOffers(offers);
        Offer english =
                live.takeTheSlot(LiveOffers.unique("In English"), List.of("en"), "https://shop.example.com/en", null);
        Offer french =
                live.takeTheSlot(LiveOffers.unique("En français"), List.of("fr"), "https://shop.example.com/fr", null);
        String page = links.pathFor(place("languages@example.org").id());

        assertThat(get(page + "?lang=fr", Map.of()).body())
                .contains("Merci, Tracy", "Livraison prévue", french.headline())
                .doesNotContain(english.headline());
        assertThat(get(page, Map.of("Accept-Language", "en")).body())
                .contains(english.headline())
                .doesNotContain(french.headline());
    }

    @Test
    void twoEnabledOffersOfTheSlotNeverShowAtTheSameMomentInOneLanguage() {
        // far in the future, away from the offers other tests make live now
        Instant start = Instant.parse("2300-01-01T00:00:00Z").plus(Duration.ofDays((long) (Math.random() * 100_000)));
        Offer first = offers.create(draft("First", List.of("en"), start, start.plus(Duration.ofDays(10)), true));

        assertThatThrownBy(() ->
                        offers.create(draft("Overlapping", List.of(), start.plus(Duration.ofDays(9)), null, true)))
                .isInstanceOfSatisfying(InvalidOffer.class, refused -> {
                    assertThat(refused.problems()).containsEntry("enabled", "overlaps");
                    assertThat(refused.overlapping()).isEqualTo(first.headline());
                });
        offers.create(draft("French only", List.of("fr"), start, null, true));
        offers.create(draft("Disabled", List.of("en"), start, null, false));
        offers.create(draft(
                "Right after", List.of("en"), start.plus(Duration.ofDays(10)), start.plus(Duration.ofDays(11)), true));
        assertThatThrownBy(() -> offers.update(first.id(), draft("First", List.of(), start, null, true)))
                .isInstanceOf(InvalidOffer.class);
    }

    @Test
    void anOfferIsCheckedFieldByFieldAndNeverLeadsToScriptOrAnotherScheme() {
        Instant start = Instant.parse("2400-01-01T00:00:00Z");
        for (String target : List.of(
                "javascript:alert(1)",
                "data:text/html,hi",
                "ftp://shop.example.com/",
                "/relative/path",
                "//evil.example.net/",
                "https://user@evil.example.net/",
                "https://")) {
            assertThatThrownBy(() -> offers.create(new OfferDraft(
                            OfferSlot.THANK_YOU, "Headline", "", "Go", target, null, List.of(), start, null, false)))
                    .as(target)
                    .isInstanceOfSatisfying(InvalidOffer.class, refused -> assertThat(refused.problems())
                            .containsOnlyKeys("targetUrl"));
        }
        assertThatThrownBy(() -> offers.create(new OfferDraft(
                        OfferSlot.THANK_YOU,
                        "",
                        "x".repeat(301),
                        "",
                        "https://shop.example.com/",
                        "NO SPACES",
                        List.of("de"),
                        start,
                        start,
                        false)))
                .isInstanceOfSatisfying(InvalidOffer.class, refused -> assertThat(refused.problems())
                        .containsOnlyKeys("headline", "body", "callToAction", "code", "languages", "endsAt"));
    }

    @Test
    void theOffersApiWritesAnOfferRefusesABadOneAndReportsTheFigures() throws Exception {
        String headline = LiveOffers.unique("Through the API");
        var created = api.post(
                "/api/v1/offers",
                """
                {"headline":"%s","callToAction":"Go","targetUrl":"https://shop.example.com/api",
                 "languages":["fr"],"startsAt":"2500-01-01T00:00:00Z","enabled":false}"""
                        .formatted(headline));
        var refused = api.post(
                "/api/v1/offers",
                """
                {"headline":"Bad","callToAction":"Go","targetUrl":"javascript:alert(1)",
                 "startsAt":"2500-01-01T00:00:00Z","enabled":false}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("slot").asString()).isEqualTo("THANK_YOU");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("targetUrl");
        var listed = api.get("/api/v1/offers");
        assertThat(listed.body()).contains(headline, "\"uniqueViews\":0");
        assertThat(api.get("/api/v1/offers/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static OfferDraft draft(String headline, List<String> languages, Instant starts, Instant ends, boolean on) {
        return new OfferDraft(
                OfferSlot.THANK_YOU,
                LiveOffers.unique(headline),
                "",
                "Go",
                "https://shop.example.com/",
                null,
                languages,
                starts,
                ends,
                on);
    }

    private OfferStats stats(Offer offer) {
        return offers.report(offer.id()).orElseThrow().stats();
    }

    private OrderView place(String email) {
        String sku = products.variant("TYVASE", "ONE", "20.00", 100);
        return orders.place(new PlaceOrder(
                SalesChannel.WEB,
                null,
                ContactDetails.email(email, "Tracy King"),
                "EUR",
                List.of(new PlaceOrder.Line(sku, 1, null, null)),
                new ShippingAddress("Tracy King", "1 Rue de la Paix", null, "Paris", "75002", null, "FR"),
                PaymentStatus.PAID,
                null,
                null,
                null,
                null));
    }

    private static String thankYouLink(Map<String, List<String>> headers) {
        List<String> values = headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Link"))
                .flatMap(header -> header.getValue().stream())
                .toList();
        for (String value : values) {
            Matcher matcher = LINK.matcher(value);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no thank-you link in " + headers);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
