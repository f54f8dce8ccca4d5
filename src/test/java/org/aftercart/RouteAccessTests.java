package org.aftercart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aftercart.catalog.Catalog;
import org.aftercart.customers.CustomerId;
import org.aftercart.inventory.Inventory;
import org.aftercart.offers.ThankYouLinks;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.platform.ApiKeys;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.tracking.TrackingLinks;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every HTTP route of the application, whichever handler mapping serves it (controllers, actuator
 * endpoints, static resources), is claimed by exactly the proof it needs (docs/access-control.md): a staff
 * role, an API key, a webhook signature, a customer's session, a signed link, an order proved to
 * the returns portal, or nothing (an explicit public list, each entry with its reason). A route no
 * claim names fails: a new route is classified before it ships. Then each route is asked without
 * its proof and with the wrong one (no key, a wrong or revoked key, a bad signature, a forged
 * token, a session of the wrong kind) and must refuse: a 401 or 403 problem for machines, the
 * sign-in page for pages, a 404 where a link is the proof; never a 2xx, never a 5xx.
 */
@RouteAccessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTests {

    /** The proof a route needs. */
    enum Proof {
        /** A signed-in staff member whose role the console's matrix (admin.ConsoleAccess) names. */
        STAFF,
        /** An API key, as {@code Authorization: Bearer} or {@code X-Api-Key}. */
        API_KEY,
        /** The sender's signature over the raw body (or the shared secret), checked by the endpoint. */
        WEBHOOK_SIGNATURE,
        /** A customer signed in with an e-mailed one-time link. */
        CUSTOMER_SESSION,
        /** A token signed by Aftercart in the address (tracking, thank-you, message links). */
        SIGNED_LINK,
        /** An order proved to the returns portal in this browser session, by guest lookup or signed link. */
        PROVED_ORDER,
        /**
         * The actuator's own proof (platform.ManagementSecurity): the management port, kept off the
         * public network, or the metrics bearer token on the main port; no staff or customer session.
         */
        METRICS_TOKEN,
        /** Nothing: on the public list, with its reason. */
        PUBLIC
    }

    /**
     * Who may call a route: the route pattern exactly as its handler mapping declares it, or, with
     * {@code under}, every route below a path whose filter chain enforces the proof (so that a new
     * route there is closed by default); {@code methods} empty for any method.
     */
    record Claim(Set<HttpMethod> methods, String pattern, Scope scope, Proof proof, String reason) {

        enum Scope {
            /** The route pattern itself. */
            EXACTLY,
            /** Every route below the path: for paths whose filter chain enforces the proof. */
            UNDER,
            /** Static files served from a library's folder, whose patterns name its version. */
            FILES_STARTING
        }

        boolean covers(Route route) {
            if (!methods.isEmpty() && !methods.contains(route.method())) {
                return false;
            }
            if (scope == Scope.EXACTLY) {
                return pattern.equals(route.pattern());
            }
            if (scope == Scope.FILES_STARTING) {
                return route.servesFiles() && route.pattern().startsWith(pattern);
            }
            return PathPatternParser.defaultInstance
                    .parse(pattern + "/**")
                    .matches(PathContainer.parsePath(route.pattern().replaceAll("\\{[^}]+}", "x")));
        }

        @Override
        public String toString() {
            return (methods.isEmpty() ? "*" : methods) + " " + pattern + " " + scope + " (" + proof + ")";
        }
    }

    /** Every route below {@code path}, which a filter chain closes to whoever lacks {@code proof}. */
    private static Claim under(String path, Proof proof, String reason) {
        return new Claim(Set.of(), path, Claim.Scope.UNDER, proof, reason);
    }

    /** Static files (a resource handler's routes) whose pattern starts with {@code prefix}. */
    private static Claim files(String prefix, String reason) {
        return new Claim(Set.of(GET), prefix, Claim.Scope.FILES_STARTING, Proof.PUBLIC, reason);
    }

    private static Claim claim(Proof proof, String pattern, String reason) {
        return new Claim(Set.of(), pattern, Claim.Scope.EXACTLY, proof, reason);
    }

    private static Claim claim(HttpMethod method, String pattern, Proof proof, String reason) {
        return new Claim(Set.of(method), pattern, Claim.Scope.EXACTLY, proof, reason);
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;

    /**
     * The claims, first match decides. docs/access-control.md lists the same, in words: change both.
     * Only paths a filter chain closes are claimed whole ({@code under}); routes whose controller
     * checks the proof (webhooks, signed links, the returns portal) and public routes are named one
     * by one, route pattern by route pattern, and static files by the folder they come from.
     */
    static final List<Claim> CLAIMS = List.of(
            // Staff: the console chain, each path by the role matrix (ConsoleRouteAccessTests walks the roles).
            under("/console", Proof.STAFF, "staff console"),
            under("/admin", Proof.STAFF, "staff console"),
            claim(GET, "/", Proof.STAFF, "the console's home, which leads to the orders"),
            claim(Proof.STAFF, "/error", "error page: forwarded to for anyone, asked for directly only by staff"),
            claim(GET, "/actuator/health", Proof.PUBLIC, "health probe for load balancers, status only"),
            claim(GET, "/actuator/health/**", Proof.PUBLIC, "liveness and readiness probes, status only"),
            under("/actuator", Proof.METRICS_TOKEN, "operational details beyond the health probes"),
            // Integrations.
            under("/api", Proof.API_KEY, "the REST API"),
            // Webhooks: the chain lets everything in, each endpoint checks its sender's signature.
            claim(POST, "/webhooks/shopify", Proof.WEBHOOK_SIGNATURE, "Shopify HMAC of the body"),
            claim(POST, "/webhooks/easypost", Proof.WEBHOOK_SIGNATURE, "EasyPost HMAC of the body"),
            claim(POST, "/webhooks/aftership", Proof.WEBHOOK_SIGNATURE, "AfterShip HMAC of the body"),
            claim(POST, "/webhooks/sms/status", Proof.WEBHOOK_SIGNATURE, "the SMS provider's signature"),
            claim(POST, "/webhooks/email/bounces", Proof.WEBHOOK_SIGNATURE, "shared secret as a bearer token"),
            // The customer's account: sign-in pages are public, the rest needs the customer's session.
            claim(GET, "/account/sign-in", Proof.PUBLIC, "asks for an e-mail address; says the same for unknown ones"),
            claim(POST, "/account/sign-in", Proof.PUBLIC, "answers a known and an unknown address alike"),
            claim(GET, "/account/sign-in/sent", Proof.PUBLIC, "'if we know this address, a link is on its way'"),
            claim(GET, "/account/sign-in/confirm", Proof.PUBLIC, "a button that posts the one-time token"),
            claim(Proof.PUBLIC, "/account/sign-in/too-many", "the rate limit's page"),
            under("/account", Proof.CUSTOMER_SESSION, "the customer's own space"),
            // Signed links: the token in the address is the proof.
            claim(GET, "/track/{token}", Proof.SIGNED_LINK, "tracking page"),
            claim(GET, "/track/{token}/go", Proof.SIGNED_LINK, "tracking page's product click"),
            claim(GET, "/thank-you/{token}", Proof.SIGNED_LINK, "thank-you page"),
            claim(GET, "/thank-you/{token}/offers/{offerId}", Proof.SIGNED_LINK, "thank-you page's offer click"),
            claim(GET, "/returns/start", Proof.SIGNED_LINK, "hand-over from the tracking page or the account"),
            claim(GET, "/m/{message}/click", Proof.SIGNED_LINK, "click in a message, signed with its target"),
            claim(GET, "/m/{message}/unsubscribe", Proof.SIGNED_LINK, "unsubscribe page of a message"),
            claim(POST, "/m/{message}/unsubscribe", Proof.SIGNED_LINK, "RFC 8058 one-click unsubscribe"),
            // The returns portal, once an order is proved to the session.
            claim(GET, "/returns/orders/{orderId}", Proof.PROVED_ORDER, "the return form of a proved order"),
            claim(POST, "/returns/orders/{orderId}", Proof.PROVED_ORDER, "asks for a return of a proved order"),
            claim(GET, "/returns/{returnId}", Proof.PROVED_ORDER, "a return of a proved order"),
            claim(GET, "/returns/{returnId}/label.pdf", Proof.PROVED_ORDER, "its return label"),
            claim(POST, "/returns/{returnId}/cancel", Proof.PROVED_ORDER, "cancels it"),
            // Public.
            claim(GET, "/login", Proof.PUBLIC, "the staff sign-in page"),
            claim(Proof.PUBLIC, "/access-denied", "the console's refusal page, shows no data"),
            claim(GET, "/css/brand.css", Proof.PUBLIC, "the shop's colours for customer pages"),
            claim(GET, "/track", Proof.PUBLIC, "guest lookup form"),
            claim(POST, "/track", Proof.PUBLIC, "guest lookup: number and e-mail or postcode, rate-limited"),
            claim(GET, "/returns", Proof.PUBLIC, "returns portal guest lookup form"),
            claim(POST, "/returns", Proof.PUBLIC, "guest lookup: number and e-mail or postcode, rate-limited"),
            claim(GET, "/help", Proof.PUBLIC, "help centre"),
            claim(GET, "/help/search", Proof.PUBLIC, "help centre search"),
            claim(GET, "/help/for/{situation}", Proof.PUBLIC, "help centre article for a situation"),
            claim(GET, "/help/{slug}", Proof.PUBLIC, "help centre article"),
            claim(
                    GET,
                    "/m/{message}/open.gif",
                    Proof.PUBLIC,
                    "the same pixel to anyone; an open is counted only when the signature is right"),
            claim(GET, "/v3/api-docs", Proof.PUBLIC, "the OpenAPI document: describes the API, holds no data"),
            claim(GET, "/v3/api-docs/swagger-config", Proof.PUBLIC, "the documentation page's settings"),
            claim(GET, "/v3/api-docs.yaml", Proof.PUBLIC, "the OpenAPI document as YAML"),
            claim(GET, "/swagger-ui.html", Proof.PUBLIC, "the API's documentation page"),
            files("/swagger-ui/", "the API's documentation page's files"),
            files("/webjars/", "CSS and JavaScript libraries"),
            files("/**", "files in static/ (css, js, images); the chains decide who gets the rest"));

    /** Who asks: what a request carries (a session, a header), added to it. */
    interface As extends UnaryOperator<MockHttpServletRequestBuilder> {

        default As and(As next) {
            return request -> next.apply(apply(request));
        }
    }

    record Route(HttpMethod method, String pattern, String handler) {

        /** Served by a resource handler: files from a folder, no code of ours. */
        boolean servesFiles() {
            return handler.startsWith(ResourceHttpRequestHandler.class.getSimpleName());
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    StaffAccounts staff;

    @Autowired
    OneTimeTokenService signInTokens;

    @Autowired
    OrderManagement orders;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    TrackingLinks trackingLinks;

    @Autowired
    ThankYouLinks thankYouLinks;

    private List<Route> routes;
    private Credentials credentials;

    @BeforeAll
    void enumerate() throws Exception {
        routes = routes(context);
        credentials = new Credentials();
    }

    /** A proof of each kind, real, each of which a route of another kind must not take for its own. */
    private final class Credentials {

        private final MockHttpSession customer;
        private final MockHttpSession staffMember;
        private final String key = apiKeys.issue("route access tests");
        private final String revokedKey = apiKeys.issue("route access tests, revoked");
        private final List<String> wrongTokens;

        Credentials() throws Exception {
            apiKeys.revoke(revokedKey);
            OrderView order = Shop.order(catalog, inventory, orders);
            customer = Sessions.customer(mvc, signInTokens, CustomerId.of(order.customerId()));
            staffMember = Sessions.staff(mvc, staff, StaffAccounts.Role.ADMIN);
            String tracking = trackingLinks.tokenFor(order.id());
            wrongTokens = List.of(
                    randomToken(),
                    "x",
                    oneCharacterChanged(tracking),
                    trackingLinks.tokenFor(order.id(), Duration.ofSeconds(-1)),
                    thankYouLinks.tokenFor(order.id(), Duration.ofSeconds(-1)));
        }

        /**
         * A character in the middle: all six of its bits are the token's, whereas the last
         * character's low bits can be padding, so changing it may leave the same token.
         */
        private static String oneCharacterChanged(String token) {
            int middle = token.length() / 2;
            char changed = token.charAt(middle) == 'A' ? 'B' : 'A';
            return token.substring(0, middle) + changed + token.substring(middle + 1);
        }

        As customerSession() {
            return request -> request.session(customer);
        }

        As staffSession() {
            return request -> request.session(staffMember);
        }

        As apiKey() {
            return header("Authorization", "Bearer " + key);
        }

        As revokedApiKey() {
            return header("Authorization", "Bearer " + revokedKey);
        }

        String forgedToken() {
            return wrongTokens.getFirst();
        }

        /** Forged, garbled, one character changed, expired (tracking and thank-you). */
        List<String> wrongTokens() {
            return wrongTokens;
        }
    }

    @Test
    void everyRouteIsClaimed() {
        assertThat(routes).hasSizeGreaterThan(150);
        List<String> unclaimed = routes.stream()
                .filter(route -> claimOf(route) == null)
                .map(route -> route + "  <- " + route.handler())
                .toList();
        assertThat(unclaimed)
                .as("routes no claim names: add each to CLAIMS (and docs/access-control.md) with the proof it needs")
                .isEmpty();
        Map<Proof, Long> byProof = new EnumMap<>(Proof.class);
        routes.forEach(route -> byProof.merge(proofOf(route), 1L, Long::sum));
        System.out.println("Routes by the proof they need: " + byProof);
        routes.forEach(
                route -> System.out.println("ROUTEDUMP " + route + " " + claimOf(route) + " <- " + route.handler()));
    }

    @Test
    void everyClaimStillNamesARoute() {
        List<Claim> stale = CLAIMS.stream()
                .filter(claim -> routes.stream().noneMatch(claim::covers))
                .toList();
        assertThat(stale).as("claims of routes that no longer exist").isEmpty();
    }

    @LocalServerPort
    int port;

    /**
     * Error pages are reached by the servlet container's forward (an ERROR dispatch), which the
     * console's chain lets through for anyone, so that a refused visitor sees the refusal and not the
     * sign-in page; asked for directly, {@code /error} is a console page (it would only answer a
     * bare 500).
     */
    @Test
    void errorPagesAreShownToWhoeverCausedThemButAreNotPagesOfTheirOwn() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> withoutCsrfToken = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/track"))
                        .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                        .header("Accept", MediaType.TEXT_HTML_VALUE)
                        .POST(HttpRequest.BodyPublishers.ofString("orderNumber=AC-100001&contact=x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutCsrfToken.statusCode()).isEqualTo(403);

        HttpResponse<String> direct = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                        .header("Accept", MediaType.TEXT_HTML_VALUE)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(302);
        assertThat(direct.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    /**
     * Addresses bent to slip past a chain's path matcher (another case, a trailing slash, dot
     * segments, encoded dots and slashes, path parameters, doubled slashes) reach nothing
     * protected: the container or the firewall normalises or rejects them first. Over a real port,
     * as the container's normalisation is part of what is tested.
     */
    @TestFactory
    Stream<DynamicTest> bentAddressesReachNothingProtected() {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return Stream.of(
                        "/API/v1/orders",
                        "/api/v1/orders/",
                        "/track/../api/v1/orders",
                        "/track/%2e%2e/api/v1/orders",
                        "/track/..%2fapi/v1/orders",
                        "/api/v1/orders;x=1",
                        "/help/..;/console/audit",
                        "/webhooks/..;/console/audit",
                        "//console/audit",
                        "/account/..%2f..%2fconsole/audit",
                        "/console/audit/",
                        "/CONSOLE/audit",
                        "/account;x=1",
                        "/actuator/health/../info",
                        "/returns/%2e%2e/console/settings/api-keys")
                .map(path -> DynamicTest.dynamicTest(path, () -> {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Accept", MediaType.APPLICATION_JSON_VALUE)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode())
                            .as("%s answered %s: %s", path, response.statusCode(), response.body())
                            .isBetween(300, 499);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesWhoeverLacksItsProof() {
        return routes.stream()
                .sorted(Comparator.comparing(Route::pattern).thenComparing(Route::method))
                .map(route -> DynamicTest.dynamicTest(route + " (" + proofOf(route) + ")", () -> check(route)));
    }

    private void check(Route route) throws Exception {
        switch (proofOf(route)) {
            case STAFF -> {
                refusedAsPage(route, "/login", anonymous());
                refusedAsProblem(route, 401, anonymous().and(json()));
                refusedAsPage(route, "/login", credentials.customerSession());
                refusedAsPage(route, "/login", credentials.apiKey());
            }
            case METRICS_TOKEN -> {
                refusedAsProblem(route, 401, anonymous());
                refusedAsProblem(route, 401, header("Authorization", "Bearer not-the-metrics-token"));
                refusedAsProblem(route, 401, credentials.apiKey());
                refusedAsProblem(route, 401, credentials.staffSession());
                refusedAsProblem(route, 401, credentials.customerSession());
            }
            case API_KEY -> {
                refusedAsProblem(route, 401, anonymous());
                refusedAsProblem(route, 401, header("Authorization", "Bearer not-a-key"));
                refusedAsProblem(route, 401, header("X-Api-Key", "not-a-key"));
                refusedAsProblem(route, 401, credentials.revokedApiKey());
                refusedAsProblem(route, 401, credentials.staffSession());
                refusedAsProblem(route, 401, credentials.customerSession());
            }
            case WEBHOOK_SIGNATURE -> {
                refusedAsProblem(route, 401, anonymous());
                refusedAsProblem(route, 401, badSignatures());
                refusedAsProblem(route, 401, credentials.apiKey());
                refusedAsProblem(route, 401, credentials.staffSession());
            }
            case CUSTOMER_SESSION -> {
                refusedAsPage(route, "/account/sign-in", anonymous());
                refusedAsPage(route, "/account/sign-in", credentials.staffSession());
                refusedAsPage(route, "/account/sign-in", credentials.apiKey());
            }
            case SIGNED_LINK -> {
                for (String token : credentials.wrongTokens()) {
                    refusedAsNotFound(route, token, anonymous());
                }
                refusedAsNotFound(route, credentials.forgedToken(), credentials.customerSession());
                refusedAsNotFound(route, credentials.forgedToken(), credentials.staffSession());
            }
            case PROVED_ORDER -> {
                refusedAsNotFound(route, credentials.forgedToken(), anonymous());
                refusedAsNotFound(route, credentials.forgedToken(), credentials.customerSession());
                refusedAsNotFound(route, credentials.forgedToken(), credentials.staffSession());
            }
            case PUBLIC -> {
                MockHttpServletResponse response = perform(route, credentials.forgedToken(), anonymous());
                assertThat(response.getStatus())
                        .as("%s answered %s", route, response.getStatus())
                        .isLessThan(500);
            }
        }
    }

    // ---------------------------------------------------------------- refusals

    private void refusedAsPage(Route route, String signIn, As as) throws Exception {
        MockHttpServletResponse response = perform(route, credentials.forgedToken(), as.and(page()));
        assertThat(response.getStatus()).as("%s", route).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).as("%s", route).endsWith(signIn);
    }

    private void refusedAsProblem(Route route, int status, As as) throws Exception {
        MockHttpServletResponse response = perform(route, credentials.forgedToken(), as);
        assertThat(response.getStatus()).as("%s", route).isEqualTo(status);
        assertThat(response.getContentType()).as("%s", route).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private void refusedAsNotFound(Route route, String token, As as) throws Exception {
        MockHttpServletResponse response = perform(route, token, as.and(page()));
        assertThat(response.getStatus()).as("%s with token %s", route, token).isIn(404, 410);
    }

    private MockHttpServletResponse perform(Route route, String token, As as) throws Exception {
        MockHttpServletRequestBuilder request = request(route.method(), samplePath(route.pattern(), token))
                .param("t", token)
                .param("s", token)
                .param("u", "https://shop.example/")
                .with(csrf());
        Map.Entry<String, byte[]> body = bodyFor(route);
        if (body != null) {
            request.contentType(body.getKey()).content(body.getValue());
        }
        MockHttpServletResponse response =
                mvc.perform(as.apply(request)).andReturn().getResponse();
        assertThat(response.getStatus())
                .as("%s answered %s: %s", route, response.getStatus(), response.getContentAsString())
                .isLessThan(500);
        return response;
    }

    /** A body of the kind the route takes, so that what is checked is the proof and not the format. */
    private Map.@Nullable Entry<String, byte[]> bodyFor(Route route) {
        if (route.method() == GET) {
            return null;
        }
        if (route.pattern().equals("/webhooks/email/bounces")) {
            return Map.entry("message/rfc822", "Subject: bounce\r\n\r\nbody".getBytes());
        }
        if (route.pattern().startsWith("/api/") || route.pattern().startsWith("/webhooks/")) {
            return Map.entry(MediaType.APPLICATION_JSON_VALUE, "{}".getBytes());
        }
        return Map.entry(MediaType.APPLICATION_FORM_URLENCODED_VALUE, new byte[0]);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

    /** The route with plausible values for its variables: ids that exist nowhere, the token given. */
    static String samplePath(String pattern, String token) {
        Matcher variables = VARIABLE.matcher(pattern.replace("/**", "/nothing-here.css"));
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value =
                    switch (variables.group(1)) {
                        case "token" -> token;
                        case "sku" -> "NO-SUCH-SKU";
                        case "code" -> "NOSUCHGIFTCARD";
                        case "slug" -> "no-such-article";
                        case "situation" -> "late";
                        case "kind" -> "order-confirmation";
                        case "channel" -> "EMAIL";
                        case "language" -> "en";
                        default -> UUID.randomUUID().toString();
                    };
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static As anonymous() {
        return request -> request;
    }

    private static As page() {
        return request -> request.accept(MediaType.TEXT_HTML);
    }

    private static As json() {
        return request -> request.accept(MediaType.APPLICATION_JSON);
    }

    private static As header(String name, String value) {
        return request -> request.header(name, value);
    }

    /** Every webhook's signature header, each with a value of the right shape that signs nothing. */
    private static As badSignatures() {
        return request -> request.header(
                        "X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(new byte[32]))
                .header("X-Hmac-Signature", "hmac-sha256-hex=" + "00".repeat(32))
                .header("aftership-hmac-sha256", Base64.getEncoder().encodeToString(new byte[32]))
                .header("X-Twilio-Signature", Base64.getEncoder().encodeToString(new byte[20]))
                .header("Authorization", "Bearer not-the-secret");
    }

    // ---------------------------------------------------------------- enumeration

    private Proof proofOf(Route route) {
        Claim claim = claimOf(route);
        if (claim == null) {
            throw new AssertionError(route + " is claimed by no entry of CLAIMS");
        }
        return claim.proof();
    }

    private static @Nullable Claim claimOf(Route route) {
        return CLAIMS.stream().filter(claim -> claim.covers(route)).findFirst().orElse(null);
    }

    /**
     * Every route of every handler mapping: controllers and actuator endpoints (request mapping
     * info), static resources and the like (URL patterns); router functions would need walking too.
     */
    static List<Route> routes(ApplicationContext context) {
        context.getBeansOfType(RouterFunctionMapping.class)
                .forEach((name, mapping) -> assertThat(mapping.getRouterFunction())
                        .as("router functions in %s: walk them here too", name)
                        .isNull());
        Map<String, Route> routes = new LinkedHashMap<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
                    for (String pattern : patternsOf(info)) {
                        for (HttpMethod method : methodsOf(info)) {
                            Route route = new Route(method, pattern, handler.toString());
                            routes.putIfAbsent(route.toString(), route);
                        }
                    }
                }));
        context.getBeansOfType(AbstractUrlHandlerMapping.class).values().forEach(mapping -> mapping.getHandlerMap()
                .forEach((pattern, handler) -> {
                    Route route = new Route(GET, pattern, String.valueOf(handler));
                    routes.putIfAbsent(route.toString(), route);
                }));
        return new ArrayList<>(routes.values());
    }

    private static Set<String> patternsOf(RequestMappingInfo info) {
        return new TreeSet<>(info.getPatternValues());
    }

    /** The methods a route answers; one that names none answers all, of which GET and POST are walked. */
    private static List<HttpMethod> methodsOf(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return (methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST) : methods)
                .stream().map(RequestMethod::asHttpMethod).toList();
    }

    static String randomToken() {
        byte[] bytes = new byte[41];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
