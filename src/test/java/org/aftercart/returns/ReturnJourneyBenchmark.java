package org.aftercart.returns;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.aftercart.AftercartApplication;
import org.aftercart.catalog.Catalog;
import org.aftercart.inventory.Inventory;
import org.aftercart.payments.PaymentTransaction;
import org.aftercart.payments.Payments;
import org.aftercart.platform.ApiKeys;
import org.aftercart.shared.Money;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole return journey over the HTTP API, as a retailer's systems drive it: a paid web order
 * placed, picked, packed and shipped, a carrier's delivery checkpoint, then a return requested
 * (auto-approved), received and resolved, for each outcome (refund, store credit with a 10 % bonus,
 * exchange for another size of the same product). Each outcome runs {@value #WARM_UP} unmeasured
 * journeys, then {@code journeys} measured ones one after the other and again from
 * {@value #CLIENTS} concurrent clients. Every step's latency is recorded and every journey's end
 * state checked (return resolved, refund transaction, store credit in the wallet, replacement
 * order, the order line's returned units); a journey that ends wrong makes the program exit
 * non-zero. Not a test: run it with {@code ./mvnw -Pbenchmark test -DskipTests} (or its execution
 * {@code return-journey}).
 */
public final class ReturnJourneyBenchmark {

    private static final int WARM_UP = 50;
    private static final int CLIENTS = 4;
    private static final int UNITS = 2;
    private static final String PRICE = "40.00";
    private static final String API_KEY = "ak_return_journey_benchmark";
    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(30);
    /** Stop early once this many journeys went wrong: the figures would mean nothing. */
    private static final int MAX_FAILURES = 5;

    private static final JsonMapper json = JsonMapper.builder().build();

    /** The steps of one journey, in order; the last two are waits for work done after a commit. */
    enum Step {
        PLACE_ORDER("POST /orders"),
        FIND_FULFILLMENT_ORDER("GET /fulfillment-orders"),
        START_PICKING("POST …/start-picking"),
        START_PACKING("POST …/start-packing"),
        SHIP("POST …/ship"),
        DELIVERY_EVENT("POST /tracking-events"),
        DELIVERY_VISIBLE("wait: order delivered"),
        REQUEST_RETURN("POST /returns"),
        RECEIVE("POST /returns/{id}/receive"),
        RESOLVE("POST /returns/{id}/resolve"),
        CREDIT_VISIBLE("wait: store credit in wallet");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    enum Outcome {
        REFUND,
        STORE_CREDIT,
        EXCHANGE
    }

    private record Journey(Map<Step, Long> nanos, long totalNanos) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;
    private final Payments payments;
    private final String orderSku;
    private final String exchangeSku;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private ReturnJourneyBenchmark(int port, Payments payments, String orderSku, String exchangeSku) {
        this.port = port;
        this.payments = payments;
        this.orderSku = orderSku;
        this.exchangeSku = exchangeSku;
    }

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args.length > 0 ? args[0] : "target/benchmark-return-journey", "postgres");
        int journeys = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        if (Files.exists(database)) {
            try (var paths = Files.walk(database)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        SpringApplication application = new SpringApplication(AftercartApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of(
                "logging.level.root", "warn",
                "server.port", "0",
                "aftercart.fulfillment.hold-window", "PT0S"));
        System.setProperty(
                "aftercart.embedded-postgres.data-directory",
                database.toAbsolutePath().toString());
        System.setProperty("aftercart.embedded-postgres.clean", "true");
        // application.yml sets the bonus (to 0), which default properties would not override
        System.setProperty("aftercart.returns.store-credit-bonus-percent", "10");
        // Only the journey is measured: messages are written but nobody sends them.
        System.setProperty("aftercart.notifications.dispatch", "false");
        int exitCode;
        try (ConfigurableApplicationContext context = application.run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            context.getBean(ApiKeys.class).register("return journey benchmark", API_KEY);
            Catalog catalog = context.getBean(Catalog.class);
            Inventory inventory = context.getBean(Inventory.class);
            String product = "JOURNEY-JACKET";
            String orderSku = product + "-M";
            String exchangeSku = product + "-L";
            for (String sku : List.of(orderSku, exchangeSku)) {
                catalog.upsert(new Catalog.VariantDescription(
                        sku, product, "Rain jacket", sku.substring(sku.length() - 1), "outerwear", money(PRICE)));
                inventory.setOnHand("MAIN", sku, 1_000_000);
            }
            ReturnJourneyBenchmark benchmark =
                    new ReturnJourneyBenchmark(port, context.getBean(Payments.class), orderSku, exchangeSku);
            exitCode = benchmark.run(journeys);
        }
        System.exit(exitCode);
    }

    private int run(int journeys) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "Return journey: %d warm-up journeys per outcome (not measured), then %d per outcome"
                        + " sequentially and from %d concurrent clients; %d processors%n",
                WARM_UP,
                journeys,
                CLIENTS,
                Runtime.getRuntime().availableProcessors());
        for (Outcome outcome : Outcome.values()) {
            long started = System.nanoTime();
            drive(outcome, WARM_UP, 1);
            System.out.printf(Locale.ROOT, "warm-up %s: %.1f s%n", outcome, (System.nanoTime() - started) / 1e9);
        }
        int warmUpFailures = failures.size();
        for (int clients : List.of(1, CLIENTS)) {
            for (Outcome outcome : Outcome.values()) {
                if (failures.size() >= MAX_FAILURES) {
                    break;
                }
                long started = System.nanoTime();
                List<Journey> measured = drive(outcome, journeys, clients);
                double seconds = (System.nanoTime() - started) / 1e9;
                report(outcome, clients, measured, seconds);
            }
        }
        if (!failures.isEmpty()) {
            System.out.printf(
                    "FAILED: %d journey(s) ended wrong (%d during the warm-up):%n", failures.size(), warmUpFailures);
            failures.stream().limit(20).forEach(failure -> System.out.println("  " + failure));
            return 1;
        }
        System.out.println("Every journey ended as it should.");
        return 0;
    }

    private List<Journey> drive(Outcome outcome, int journeys, int clients) throws Exception {
        AtomicInteger left = new AtomicInteger(journeys);
        List<Journey> done = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        try {
                            done.add(journey(outcome));
                        } catch (Exception | AssertionError failed) {
                            failures.add(outcome + ": " + failed);
                            if (failures.size() >= MAX_FAILURES) {
                                left.set(0);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        return done;
    }

    /** One journey through the API; throws when a step answers wrong or the end state is not right. */
    private Journey journey(Outcome outcome) throws Exception {
        Map<Step, Long> nanos = new EnumMap<>(Step.class);
        int n = sequence.incrementAndGet();
        String email = "journey-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long journeyStart = System.nanoTime();

        long at = System.nanoTime();
        JsonNode order = call(
                "POST",
                "/api/v1/orders",
                """
                {"channel":"WEB","currency":"EUR","paymentStatus":"PAID",
                 "customer":{"email":"%s","name":"Ray Turner"},
                 "lines":[{"sku":"%s","quantity":%d}],
                 "shipTo":{"name":"Ray Turner","line1":"1 High Street","city":"Leeds","postcode":"LS1 4AP","country":"GB"}}
                """
                        .formatted(email, orderSku, UNITS),
                UUID.randomUUID().toString(),
                201);
        nanos.put(Step.PLACE_ORDER, System.nanoTime() - at);
        String orderId = order.get("id").asString();
        String customerId = order.get("customerId").asString();
        String lineId = order.get("lines").get(0).get("id").asString();

        String trackingNumber =
                "RJB" + n + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        ship(orderId, lineId, trackingNumber, nanos);

        at = System.nanoTime();
        call(
                "POST",
                "/api/v1/tracking-events",
                """
                [{"carrier":"La Poste","trackingNumber":"%s",
                  "events":[{"occurredAt":"%s","status":"DELIVERED","description":"Delivered"}]}]"""
                        .formatted(trackingNumber, Instant.now()),
                null,
                200);
        nanos.put(Step.DELIVERY_EVENT, System.nanoTime() - at);

        // The parcel is registered with tracking after the shipment commits; a checkpoint that
        // arrives first is kept and applied then, so the delivery may show a little later.
        at = System.nanoTime();
        waitFor(
                () -> firstLine(call("GET", "/api/v1/orders/" + orderId, null, null, 200))
                                .get("quantities")
                                .get("delivered")
                                .asInt()
                        == UNITS,
                "order " + orderId + " delivered");
        nanos.put(Step.DELIVERY_VISIBLE, System.nanoTime() - at);

        String item = "{\"orderLineId\":\"%s\",\"quantity\":%d,\"reasonCode\":\"too-small\",\"outcome\":\"%s\"%s}"
                .formatted(
                        lineId,
                        UNITS,
                        outcome,
                        outcome == Outcome.EXCHANGE ? ",\"exchangeSku\":\"" + exchangeSku + "\"" : "");
        at = System.nanoTime();
        JsonNode requested = call(
                "POST",
                "/api/v1/returns",
                """
                {"orderId":"%s","channel":"PORTAL","method":"MAIL","requestedBy":"customer","items":[%s]}"""
                        .formatted(orderId, item),
                UUID.randomUUID().toString(),
                201);
        nanos.put(Step.REQUEST_RETURN, System.nanoTime() - at);
        check(
                requested.get("status").asString().equals("APPROVED"),
                "return not auto-approved: " + requested.get("status"));
        String returnId = requested.get("id").asString();

        at = System.nanoTime();
        JsonNode received = call(
                "POST",
                "/api/v1/returns/" + returnId + "/receive",
                """
                {"items":[{"itemId":"%s","quantity":%d,"condition":"NEW","resellable":true}]}"""
                        .formatted(requested.get("items").get(0).get("id").asString(), UNITS),
                null,
                200);
        nanos.put(Step.RECEIVE, System.nanoTime() - at);
        check(received.get("status").asString().equals("RECEIVED"), "not received: " + received.get("status"));

        at = System.nanoTime();
        JsonNode resolved = call("POST", "/api/v1/returns/" + returnId + "/resolve", "", null, 200);
        nanos.put(Step.RESOLVE, System.nanoTime() - at);
        long totalNanos = System.nanoTime() - journeyStart;

        check(resolved.get("status").asString().equals("RESOLVED"), "not resolved: " + resolved.get("status"));
        String value = money(PRICE).times(UNITS).amount().toPlainString();
        switch (outcome) {
            case REFUND -> {
                check(amount(resolved.get("refunded")).equals(value), "refunded " + resolved.get("refunded"));
                List<PaymentTransaction> refunds = payments.transactionsOf(UUID.fromString(orderId)).stream()
                        .filter(t -> t.kind() == PaymentTransaction.Kind.REFUND
                                && t.status() == PaymentTransaction.Status.SUCCEEDED)
                        .toList();
                check(
                        refunds.size() == 1 && refunds.getFirst().amount().compareTo(money(value)) == 0,
                        "refund transactions " + refunds);
            }
            case STORE_CREDIT -> {
                String expected = new java.math.BigDecimal(value)
                        .multiply(new java.math.BigDecimal("1.10"))
                        .setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString();
                at = System.nanoTime();
                waitFor(
                        () -> {
                            JsonNode balances = call(
                                            "GET", "/api/v1/customers/" + customerId + "/wallet", null, null, 200)
                                    .get("balances");
                            return !balances.isEmpty()
                                    && amount(balances.get(0).get("available")).equals(expected);
                        },
                        "store credit of " + expected + " for customer " + customerId);
                nanos.put(Step.CREDIT_VISIBLE, System.nanoTime() - at);
            }
            case EXCHANGE -> {
                JsonNode number = resolved.get("exchangeOrderNumber");
                check(number != null && !number.isNull(), "no exchange order");
                JsonNode replacement = call("GET", "/api/v1/orders?number=" + number.asString(), null, null, 200);
                check(
                        firstLine(replacement).get("sku").asString().equals(exchangeSku)
                                && firstLine(replacement)
                                                .get("quantities")
                                                .get("ordered")
                                                .asInt()
                                        == UNITS,
                        "replacement order " + number);
                // The warehouse sends the replacement too (not measured), or the fulfilment queue
                // would fill with replacement orders that nobody ships.
                ship(
                        replacement.get("id").asString(),
                        firstLine(replacement).get("id").asString(),
                        "RJX" + n + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT),
                        new EnumMap<>(Step.class));
            }
        }
        JsonNode after = call("GET", "/api/v1/orders/" + orderId, null, null, 200);
        int returned = firstLine(after).get("quantities").get("returned").asInt();
        check(returned == UNITS, "order line returned " + returned + " of " + UNITS);
        return new Journey(nanos, totalNanos);
    }

    /** Picks, packs and ships every unit of the order's line in one parcel. */
    private void ship(String orderId, String lineId, String trackingNumber, Map<Step, Long> nanos) throws Exception {
        long at = System.nanoTime();
        String fulfillmentOrderId = null;
        for (JsonNode candidate : call("GET", "/api/v1/fulfillment-orders?orderId=" + orderId, null, null, 200)) {
            if (candidate.get("status").asString().equals("RELEASED")) {
                fulfillmentOrderId = candidate.get("id").asString();
            }
        }
        nanos.put(Step.FIND_FULFILLMENT_ORDER, System.nanoTime() - at);
        check(fulfillmentOrderId != null, "no released fulfilment order for order " + orderId);

        at = System.nanoTime();
        call("POST", "/api/v1/fulfillment-orders/" + fulfillmentOrderId + "/start-picking", "", null, 200);
        nanos.put(Step.START_PICKING, System.nanoTime() - at);
        at = System.nanoTime();
        call("POST", "/api/v1/fulfillment-orders/" + fulfillmentOrderId + "/start-packing", "", null, 200);
        nanos.put(Step.START_PACKING, System.nanoTime() - at);

        at = System.nanoTime();
        call(
                "POST",
                "/api/v1/fulfillment-orders/" + fulfillmentOrderId + "/ship",
                """
                {"parcels":[{"carrier":"La Poste","trackingNumber":"%s","items":[{"orderLineId":"%s","quantity":%d}]}]}"""
                        .formatted(trackingNumber, lineId, UNITS),
                null,
                200);
        nanos.put(Step.SHIP, System.nanoTime() - at);
    }

    private JsonNode call(String method, String path, String body, String idempotencyKey, int expectedStatus)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + API_KEY)
                .timeout(Duration.ofSeconds(60));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " (expected "
                    + expectedStatus + "): " + response.body());
        }
        return response.body().isEmpty() ? json.missingNode() : json.readTree(response.body());
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + ASYNC_TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new IllegalStateException(otherwise);
        }
    }

    private static JsonNode firstLine(JsonNode order) {
        return order.get("lines").get(0);
    }

    private static String amount(JsonNode money) {
        return money == null || money.isNull() ? "none" : money.get("amount").asString();
    }

    private static Money money(String amount) {
        return Money.of(amount, "EUR");
    }

    // ---- the report ----

    private static void report(Outcome outcome, int clients, List<Journey> journeys, double seconds) {
        System.out.printf(
                Locale.ROOT,
                "%n%s, %s: %d journeys in %.1f s = %.2f journeys/s%n",
                outcome,
                clients == 1 ? "sequential" : clients + " concurrent clients",
                journeys.size(),
                seconds,
                journeys.size() / seconds);
        System.out.printf(
                Locale.ROOT, "| %-32s | %8s | %8s | %8s | %8s |%n", "step", "p50 ms", "p95 ms", "p99 ms", "max ms");
        System.out.println("|----------------------------------|---------:|---------:|---------:|---------:|");
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            List<Long> values = journeys.stream()
                    .map(journey -> journey.nanos().get(step))
                    .filter(java.util.Objects::nonNull)
                    .toList();
            if (!values.isEmpty()) {
                rows.put(step.label, values);
            }
        }
        rows.put(
                "whole journey (order → resolve)",
                journeys.stream().map(Journey::totalNanos).toList());
        rows.forEach((label, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            System.out.printf(
                    Locale.ROOT,
                    "| %-32s | %8.1f | %8.1f | %8.1f | %8.1f |%n",
                    label,
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    percentile(sorted, 99),
                    sorted.getLast() / 1e6);
        });
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
