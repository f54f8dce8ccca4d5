package org.aftercart.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policy and reasons an admin sets, as customers meet them: a saved policy decides new requests
 * while a request already made keeps the rules it was decided under; a reason added shows in the
 * portal in each language; a deactivated one leaves the portal but stays on the returns that gave it.
 */
@ReturnsIntegrationTest
class ReturnSettingsIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Returns returns;

    @Autowired
    ReturnPolicySettings policies;

    @Autowired
    ReturnReasonSettings reasons;

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

    @AfterEach
    void backToTheConfiguredPolicy() {
        policies.reset();
    }

    @Test
    void aSavedPolicyDecidesNewRequestsWhileAnOldRequestKeepsItsRules() {
        String sku = fixtures.products.variant("PARKA", "M", "40.00", 10);
        OrderView before = fixtures.delivered(sku, 1);
        ReturnView old = returns.request(credit(before));
        assertThat(old.status()).isEqualTo(ReturnStatus.APPROVED);

        // No returns after delivery any more, and a 50 % bonus on credit from now on.
        ReturnPolicyRules configured = policies.current();
        policies.save(
                new ReturnPolicyRules(
                        Duration.ZERO,
                        Map.of(),
                        configured.finalSaleSkus(),
                        configured.finalSaleCategories(),
                        configured.allowedCountries(),
                        configured.autoApprove(),
                        configured.autoApproveUpTo(),
                        new BigDecimal("50"),
                        configured.instantExchange(),
                        configured.returnShippingCost(),
                        configured.exchangeOutOfStock()),
                "staff:test");

        OrderView after = fixtures.delivered(sku, 1);
        assertThat(returns.eligibility(after.id()).lines().getFirst().refusals())
                .extracting(Refusal::rule)
                .containsExactly("return-window");
        assertThatThrownBy(() -> returns.request(credit(after)))
                .isInstanceOfSatisfying(ReturnRefused.class, refused -> assertThat(refused.rule())
                        .isEqualTo("return-window"));
        assertThat(returns.ofOrder(after.id())).isEmpty();
        assertThat(returns.storeCreditBonusPercent()).isEqualByComparingTo("50");

        ReturnView resolved = returns.resolve(receiveAll(old).id(), "agent:ann");
        assertThat(resolved.storeCredit()).isEqualTo(money("40.00"));
        assertThat(resolved.bonus())
                .as("the 10 % configured when it was asked, not today's 50 %")
                .isEqualTo(money("4.00"));

        policies.reset();
        assertThat(returns.eligibility(after.id()).anythingReturnable()).isTrue();
    }

    @Test
    void aReasonAddedShowsInThePortalInEachLanguage() throws Exception {
        String code = "too-tight-" + UUID.randomUUID().toString().substring(0, 8);
        reasons.add(
                code,
                "doesnt-fit",
                new ReturnReasonSettings.ReasonDetails(
                        Map.of("en", "Too tight at the waist", "fr", "Trop serré à la taille"), false, false, false));
        String sku = fixtures.products.variant("CHINO", "30", "45.00", 5);
        OrderView order = fixtures.delivered(sku, 1);
        Guest guest = new Guest();
        guest.lookup(order.number(), order.email());

        String french =
                guest.get("/returns/orders/" + order.id().id() + "?lang=fr").body();
        String english =
                guest.get("/returns/orders/" + order.id().id() + "?lang=en").body();

        assertThat(french).contains("value=\"" + code + "\"").contains("Trop serré à la taille");
        assertThat(english).contains("Too tight at the waist").doesNotContain("Trop serré");
        assertThat(returns.reasons()).extracting(ReturnReason::code).contains(code);

        reasons.setActive(code, false);
    }

    @Test
    void aDeactivatedReasonLeavesThePortalButStaysOnTheReturnsThatGaveIt() throws Exception {
        String code = "gift-duplicate-" + UUID.randomUUID().toString().substring(0, 8);
        reasons.add(
                code,
                null,
                new ReturnReasonSettings.ReasonDetails(
                        Map.of("en", "Received it twice as a gift", "fr", "Reçu deux fois en cadeau"),
                        false,
                        false,
                        false));
        String sku = fixtures.products.variant("MUG", "ONE", "15.00", 5);
        OrderView given = fixtures.delivered(sku, 1);
        ReturnView old = returns.request(new RequestReturn(
                given.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.DROP_OFF,
                null,
                List.of(new RequestReturn.Item(
                        given.lines().getFirst().id(), 1, code, null, ReturnOutcome.REFUND, null, null, List.of())),
                false,
                null,
                "customer"));

        reasons.setActive(code, false);

        OrderView another = fixtures.delivered(sku, 1);
        Guest guest = new Guest();
        guest.lookup(given.number(), given.email());
        assertThat(guest.get("/returns/orders/" + given.id().id() + "?lang=fr").body())
                .doesNotContain("value=\"" + code + "\"");
        assertThat(guest.get("/returns/" + old.id().id() + "?lang=fr").body()).contains("Reçu deux fois en cadeau");
        assertThat(returns.find(old.id()).orElseThrow().items().getFirst().reasonCode())
                .isEqualTo(code);
        assertThatThrownBy(() -> returns.request(new RequestReturn(
                        another.id(),
                        ReturnChannel.PORTAL,
                        ReturnMethod.DROP_OFF,
                        null,
                        List.of(new RequestReturn.Item(
                                another.lines().getFirst().id(),
                                1,
                                code,
                                null,
                                ReturnOutcome.REFUND,
                                null,
                                null,
                                List.of())),
                        false,
                        null,
                        "customer")))
                .isInstanceOfSatisfying(ReturnRefused.class, refused -> assertThat(refused.rule())
                        .isEqualTo("unknown-reason"));
        assertThat(reasons.list())
                .filteredOn(entry -> entry.reason().code().equals(code))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.reason().active()).isFalse();
                    assertThat(entry.returns()).isEqualTo(1);
                });
    }

    @Test
    void aReasonWithoutALabelInEveryLanguageOrWithATakenCodeIsNotAdded() {
        int before = reasons.list().size();

        assertThatThrownBy(() -> reasons.add(
                        "too-small",
                        "nowhere",
                        new ReturnReasonSettings.ReasonDetails(Map.of("en", "Small"), false, false, false)))
                .isInstanceOfSatisfying(InvalidReturnReason.class, invalid -> assertThat(invalid.problems())
                        .extracting(InvalidReturnReason.Problem::field, InvalidReturnReason.Problem::problem)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("code", "taken"),
                                org.assertj.core.groups.Tuple.tuple("parentCode", "unknown"),
                                org.assertj.core.groups.Tuple.tuple("label-fr", "required")));

        assertThat(reasons.list()).hasSize(before);
    }

    private static RequestReturn credit(OrderView order) {
        return new RequestReturn(
                order.id(),
                ReturnChannel.PORTAL,
                ReturnMethod.MAIL,
                null,
                List.of(new RequestReturn.Item(
                        order.lines().getFirst().id(),
                        1,
                        "changed-mind",
                        null,
                        ReturnOutcome.STORE_CREDIT,
                        null,
                        null,
                        List.of())),
                false,
                null,
                "customer");
    }

    private ReturnView receiveAll(ReturnView request) {
        return returns.receive(
                request.id(),
                request.items().stream()
                        .map(item -> new ReceivedItem(item.id(), item.quantity(), ItemCondition.NEW, true, null))
                        .toList(),
                "warehouse:sam");
    }

    private static Money money(String amount) {
        return Money.of(amount, "EUR");
    }

    /** A customer's browser in the portal: cookies kept, redirects not followed. */
    private final class Guest {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        void lookup(String number, String contact) throws Exception {
            Matcher token = CSRF.matcher(get("/returns").body());
            assertThat(token.find()).isTrue();
            String body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&orderNumber="
                    + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&contact="
                    + URLEncoder.encode(contact, StandardCharsets.UTF_8);
            HttpResponse<String> found = client.send(
                    HttpRequest.newBuilder(uri("/returns"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).isEqualTo(302);
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
