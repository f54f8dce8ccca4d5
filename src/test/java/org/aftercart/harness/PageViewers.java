package org.aftercart.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Customers reading their pages while the journeys go on, each viewer one page after the other with
 * a pause between them: three views in four the tracking page of a shipped parcel, through the link
 * of its "shipped" e-mail ({@link ShippedMailLinks}); one in four the thank-you page of an order
 * just placed, through the link of the order API's answer ({@code rel="thank-you"}), as the
 * storefront sends the customer there after checkout.
 */
final class PageViewers {

    static final String TRACKING_PAGE = "GET /track/{token}";
    static final String THANK_YOU_PAGE = "GET /thank-you/{token}";
    /** Of the views, the share of the tracking page; the rest is the thank-you page. */
    static final double TRACKING_SHARE = 0.75;
    /** A thank-you page is seen right after checkout: one of the latest orders. */
    private static final int RECENT_ORDERS = 20;

    private final RetryingClient client;
    private final ShippedMailLinks links;
    private final Journeys journeys;
    private final Duration pause;
    private final AtomicLong views = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();

    PageViewers(RetryingClient client, ShippedMailLinks links, Journeys journeys, Duration pause) {
        this.client = client;
        this.links = links;
        this.journeys = journeys;
        this.pause = pause;
    }

    /** Runs {@code viewers} viewers until {@code stop} says so. */
    void view(int viewers, BooleanSupplier stop) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, viewers))) {
            List<Future<?>> running = new ArrayList<>();
            for (int v = 0; v < viewers; v++) {
                running.add(pool.submit(() -> {
                    while (!stop.getAsBoolean()) {
                        viewOne();
                        Thread.sleep(pause);
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        }
    }

    private void viewOne() {
        boolean tracking = ThreadLocalRandom.current().nextDouble() < TRACKING_SHARE;
        Optional<String> path = tracking ? links.any() : recentThankYouPage();
        if (path.isEmpty()) {
            return; // no such page yet, at the very start
        }
        views.incrementAndGet();
        try {
            RetryingClient.Answer answer = client.page(tracking ? TRACKING_PAGE : THANK_YOU_PAGE, path.get());
            if (answer.status() != 200) {
                failed("HTTP " + answer.status() + " for " + path.get());
            }
        } catch (RetryingClient.GaveUp e) {
            failed(e.getMessage());
        }
    }

    private void failed(String what) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, what);
    }

    private Optional<String> recentThankYouPage() {
        Journeys.Journey journey = journeys.recent(ThreadLocalRandom.current().nextInt(RECENT_ORDERS));
        return journey == null ? Optional.empty() : Optional.ofNullable(journey.thankYouPath);
    }

    long views() {
        return views.get();
    }

    /** Views answered with anything but 200 (a link from an e-mail or an API answer must open). */
    long failures() {
        return failures.get();
    }

    @Nullable
    String firstFailure() {
        return firstFailure.get();
    }
}
