package org.aftercart.harness;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.aftercart.harness.CarrierPayloads.Carrier;
import org.aftercart.harness.RetryingClient.Answer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Concurrent clients each running whole journeys, as a retailer's systems and carriers drive them:
 * an order placed (with an Idempotency-Key), picked, packed and shipped; the carrier's signed
 * webhook (EasyPost or AfterShip, in turn) reporting it delivered; a return requested (with an
 * Idempotency-Key), received and resolved by refund or store credit, in turn. Every fourth journey
 * in a run with {@code stalledParcels} stops after shipping, its parcel never scanned, so that the
 * delay check (a scheduled job) has parcels to find. With two instances each carrier webhook goes to
 * both at the same time, as a carrier that retries on a timeout does.
 */
final class Journeys {

    static final int UNITS = 2;
    static final String PRICE = "40.00";
    private static final Duration WAIT_FOR_DELIVERY = Duration.ofMinutes(2);

    enum Outcome {
        REFUND,
        STORE_CREDIT
    }

    /** One journey and what the clients were told; the checks compare it with the database. */
    static final class Journey {
        final int n;
        final Carrier carrier;
        final Outcome outcome;
        final boolean stalls;
        final String email;
        final String orderKey = UUID.randomUUID().toString();
        final String returnKey = UUID.randomUUID().toString();
        final String trackingNumber;
        volatile @Nullable String orderId;
        volatile @Nullable String orderNumber;
        volatile @Nullable String customerId;
        volatile @Nullable String returnId;
        volatile @Nullable String returnNumber;
        volatile int checkpoints;
        /** The thank-you page the order's answer links to ({@code Link: <…>; rel="thank-you"}). */
        volatile @Nullable String thankYouPath;
        /** {@link System#nanoTime()} when the journey started and, once it has, when it finished. */
        volatile long startedAt;

        volatile long finishedAt;
        volatile boolean finished;
        volatile @Nullable String failure;

        Journey(int n, Carrier carrier, Outcome outcome, boolean stalls) {
            this.n = n;
            this.carrier = carrier;
            this.outcome = outcome;
            this.stalls = stalls;
            this.email = "journey-" + n + "-" + orderKey.substring(0, 8) + "@faults.example";
            this.trackingNumber = (carrier == Carrier.EASYPOST ? "EZ" : "AS")
                    + String.format(Locale.ROOT, "%08d", n)
                    + orderKey.substring(0, 6).toUpperCase(Locale.ROOT);
        }
    }

    private final RetryingClient client;
    private final CarrierPayloads payloads;
    private final String sku;
    private final boolean stalledParcels;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Journey> journeys = new CopyOnWriteArrayList<>();

    Journeys(RetryingClient client, CarrierPayloads payloads, String sku, boolean stalledParcels) {
        this.client = client;
        this.payloads = payloads;
        this.sku = sku;
        this.stalledParcels = stalledParcels;
    }

    List<Journey> journeys() {
        return List.copyOf(journeys);
    }

    /** The journey started {@code back} journeys before the latest one, when there is one. */
    @Nullable
    Journey recent(int back) {
        int index = journeys.size() - 1 - back;
        return index < 0 ? null : journeys.get(index);
    }

    /** Runs journeys from {@code clients} clients until {@code stop} says so; journeys under way then are finished. */
    void drive(int clients, BooleanSupplier stop) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    while (!stop.getAsBoolean()) {
                        int n = sequence.incrementAndGet();
                        Journey journey = new Journey(
                                n,
                                n % 2 == 0 ? Carrier.EASYPOST : Carrier.AFTERSHIP,
                                (n / 2) % 2 == 0 ? Outcome.REFUND : Outcome.STORE_CREDIT,
                                stalledParcels && n % 4 == 3);
                        journeys.add(journey);
                        try {
                            journey.startedAt = System.nanoTime();
                            run(journey);
                            journey.finishedAt = System.nanoTime();
                            journey.finished = true;
                        } catch (RuntimeException | AssertionError e) {
                            journey.failure = e.toString();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        }
    }

    private void run(Journey journey) {
        Answer placed = client.api(
                "POST /orders",
                "POST",
                "/api/v1/orders",
                """
                {"channel":"WEB","currency":"EUR","paymentStatus":"PAID",
                 "customer":{"email":"%s","name":"Ray Turner"},
                 "lines":[{"sku":"%s","quantity":%d}],
                 "shipTo":{"name":"Ray Turner","line1":"1 High Street","city":"Leeds","postcode":"LS1 4AP","country":"GB"}}
                """
                        .formatted(journey.email, sku, UNITS),
                journey.orderKey);
        expect(placed, "place order");
        String orderId = placed.body().get("id").asString();
        journey.orderId = orderId;
        journey.orderNumber = placed.body().get("number").asString();
        journey.customerId = placed.body().get("customerId").asString();
        journey.thankYouPath = thankYouPath(placed);
        String lineId = placed.body().get("lines").get(0).get("id").asString();

        String fulfillmentOrder = null;
        for (JsonNode candidate :
                client.read("GET /fulfillment-orders?orderId=", "/api/v1/fulfillment-orders?orderId=" + orderId)) {
            fulfillmentOrder = candidate.get("id").asString();
        }
        check(fulfillmentOrder != null, "no fulfilment order for order " + orderId);
        String path = "/api/v1/fulfillment-orders/" + fulfillmentOrder;
        transition("POST …/start-picking", path + "/start-picking", "", path, fo -> !status(fo)
                .equals("RELEASED"));
        transition(
                "POST …/start-packing",
                path + "/start-packing",
                "",
                path,
                fo -> !status(fo).equals("RELEASED") && !status(fo).equals("PICKING"));
        transition(
                "POST …/ship",
                path + "/ship",
                """
                {"parcels":[{"carrier":"%s","trackingNumber":"%s","items":[{"orderLineId":"%s","quantity":%d}]}]}"""
                        .formatted(payloads.carrierName(journey.carrier), journey.trackingNumber, lineId, UNITS),
                path,
                fo -> status(fo).equals("SHIPPED"));
        if (journey.stalls) {
            return; // never scanned: the delay check will find it
        }

        CarrierPayloads.Delivery delivery = payloads.delivered(journey.carrier, journey.trackingNumber);
        String kind = "POST " + delivery.path();
        if (client.instances() == 1) {
            expect(client.webhook(kind, delivery.path(), delivery.body(), delivery.headers(), 0), kind);
        } else {
            // The same delivery to both instances at once: it must be taken once.
            List<Thread> both = new ArrayList<>();
            List<Answer> answers = new CopyOnWriteArrayList<>();
            for (int first = 0; first < client.instances(); first++) {
                int start = first;
                both.add(Thread.ofVirtual()
                        .start(() -> answers.add(
                                client.webhook(kind, delivery.path(), delivery.body(), delivery.headers(), start))));
            }
            for (Thread thread : both) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            check(answers.size() == both.size(), "a webhook delivery was lost in the client");
            answers.forEach(answer -> expect(answer, kind));
        }
        journey.checkpoints = delivery.checkpoints();
        waitFor(
                () -> client.read("GET /orders/{id} (until delivered)", "/api/v1/orders/" + orderId)
                                .get("lines")
                                .get(0)
                                .get("quantities")
                                .get("delivered")
                                .asInt()
                        == UNITS,
                "order " + orderId + " delivered");

        Answer requested = client.api(
                "POST /returns",
                "POST",
                "/api/v1/returns",
                """
                {"orderId":"%s","channel":"PORTAL","method":"MAIL","requestedBy":"customer",
                 "items":[{"orderLineId":"%s","quantity":%d,"reasonCode":"too-small","outcome":"%s"}]}"""
                        .formatted(orderId, lineId, UNITS, journey.outcome),
                journey.returnKey);
        expect(requested, "request return");
        check(status(requested.body()).equals("APPROVED"), "return not approved: " + requested.body());
        String returnId = requested.body().get("id").asString();
        journey.returnId = returnId;
        journey.returnNumber = requested.body().get("number").asString();
        String returnPath = "/api/v1/returns/" + returnId;
        String itemId = requested.body().get("items").get(0).get("id").asString();
        transition(
                "POST /returns/{id}/receive",
                returnPath + "/receive",
                """
                {"items":[{"itemId":"%s","quantity":%d,"condition":"NEW","resellable":true}]}"""
                        .formatted(itemId, UNITS),
                returnPath,
                r -> !status(r).equals("APPROVED"));
        transition("POST /returns/{id}/resolve", returnPath + "/resolve", "", returnPath, r -> status(r)
                .equals("RESOLVED"));
    }

    /**
     * A state change without an idempotency key: when a retry is refused (409) because an earlier
     * attempt, whose answer was lost, already made the change, a read of {@code resource} says so.
     */
    private void transition(String kind, String path, String body, String resource, Predicate<JsonNode> done) {
        Answer answer = client.api(kind, "POST", path, body, null);
        if (answer.ok()) {
            return;
        }
        if (answer.status() == 409 && done.test(client.read("GET after a 409 of " + kind, resource))) {
            client.acceptedEarlier(kind);
            return;
        }
        throw new IllegalStateException(kind + " " + path + ": HTTP " + answer.status() + " " + answer.body());
    }

    /** The path of the {@code rel="thank-you"} link of an order's answer, or null when there is none. */
    private static @Nullable String thankYouPath(Answer placed) {
        for (String link : placed.headers().allValues("Link")) {
            for (String each : link.split(",")) {
                if (each.contains("rel=\"thank-you\"")) {
                    URI target = URI.create(each.substring(each.indexOf('<') + 1, each.indexOf('>')));
                    return target.getRawPath();
                }
            }
        }
        return null;
    }

    private static String status(JsonNode resource) {
        return resource.get("status").asString();
    }

    private static void expect(Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + answer.body());
        }
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new IllegalStateException(otherwise);
        }
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitFor(Condition condition, String what) {
        long deadline = System.nanoTime() + WAIT_FOR_DELIVERY.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what);
            }
        }
    }
}
