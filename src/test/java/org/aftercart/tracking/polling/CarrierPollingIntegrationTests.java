package org.aftercart.tracking.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.aftercart.tracking.CarrierEvent;
import org.aftercart.tracking.CarrierReport;
import org.aftercart.tracking.ShippedOrders;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingIntake;
import org.aftercart.tracking.TrackingStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Polling against a local HTTP server playing the carriers, on real PostgreSQL. Each test ships
 * parcels with a carrier of its own and drives rounds with explicit times (the rounds do not run on
 * their own here), so nothing depends on how fast the machine is.
 */
@SpringBootTest(
        properties = {
            "aftercart.fulfillment.hold-window=PT0S",
            "aftercart.tracking.polling.enabled=false",
            "aftercart.tracking.polling.first-interval=PT15M",
            "aftercart.tracking.polling.max-interval=PT12H",
            "aftercart.tracking.polling.error-interval=PT5M",
            "aftercart.tracking.polling.retire-after=P30D",
            "aftercart.tracking.polling.carriers.stub-limited.max-per-call=1",
            "aftercart.tracking.polling.carriers.stub-limited.requests-per-minute=3",
            "aftercart.tracking.polling.carriers.stub-busy.max-per-call=2"
        })
class CarrierPollingIntegrationTests {

    static final CarrierStub STUB = new CarrierStub();

    static final List<String> CARRIERS = List.of(
            "stub-deliver", "stub-backoff", "stub-limited", "stub-flaky", "stub-steady", "stub-silent", "stub-busy");

    @DynamicPropertySource
    static void carriers(DynamicPropertyRegistry registry) {
        for (String carrier : CARRIERS) {
            registry.add("aftercart.tracking.polling.carriers." + carrier + ".base-url", () -> STUB.baseUrl(carrier));
        }
    }

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock();
        }
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Autowired
    CarrierPolling polling;

    @Autowired
    MutableClock clock;

    @Autowired
    TrackingIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderManagement orders;

    @Autowired
    Fulfillment fulfillment;

    @Autowired
    Tracking tracking;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    ShippedOrders shipping;

    @BeforeEach
    void setUp() {
        shipping = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @Test
    void onlyParcelsOnTheirWayWithAPolledCarrierArePolledAndOnlyUntilDelivered() {
        // Parcels name their carrier as they like: "Stub Deliver" is carrier stub-deliver.
        List<String> numbers = ship("Stub Deliver", 2);
        String polled = numbers.get(0);
        String deliveredByWebhook = numbers.get(1);
        String noClient = ship("La Poste", 1).getFirst();
        Instant t = clock.advance(Duration.ofDays(60));
        intake.accept("generic", "{}", List.of(report(deliveredByWebhook, "DELIVERED", t.minusSeconds(60))));
        STUB.checkpoint(polled, "IN_TRANSIT", t.minusSeconds(3600));

        polling.pollDue(t);

        assertThat(STUB.asked("stub-deliver")).containsExactly(polled);
        assertThat(status(polled)).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(row(deliveredByWebhook)).isNull();
        assertThat(row(noClient)).isNull();
        assertThat(jdbc.sql("select distinct source from tracking.events where tracking_number = ?")
                        .param(polled)
                        .query(String.class)
                        .list())
                .containsExactly("poll:stubdeliver");

        STUB.checkpoint(polled, "DELIVERED", t.plus(Duration.ofMinutes(10)));
        polling.pollDue(t.plus(Duration.ofMinutes(15)));

        assertThat(status(polled)).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(row(polled).retiredAt()).isEqualTo(t.plus(Duration.ofMinutes(15)));
        assertThat(row(polled).retireReason()).isEqualTo("final");

        polling.pollDue(t.plus(Duration.ofDays(1)));
        polling.pollDue(t.plus(Duration.ofDays(2)));
        assertThat(STUB.asked("stub-deliver")).containsExactly(polled, polled);
    }

    @Test
    void theWaitDoublesWhileNothingChangesUpToTheMaximumAndResetsOnNews() {
        String number = ship("stub-backoff", 1).getFirst();
        Instant t = clock.advance(Duration.ofDays(60));
        STUB.checkpoint(number, "IN_TRANSIT", t.minus(Duration.ofHours(1)));

        polling.pollDue(t);
        assertThat(row(number).nextPollAt()).isEqualTo(t.plus(Duration.ofMinutes(15)));
        assertThat(row(number).lastChangeAt()).isEqualTo(t);

        Instant now = t.plus(Duration.ofMinutes(15));
        int calls = 1;
        for (Duration wait : List.of(
                Duration.ofMinutes(30),
                Duration.ofHours(1),
                Duration.ofHours(2),
                Duration.ofHours(4),
                Duration.ofHours(8),
                Duration.ofHours(12),
                Duration.ofHours(12))) {
            polling.pollDue(now.minusSeconds(1));
            assertThat(STUB.asked("stub-backoff")).as("not due yet").hasSize(calls);
            polling.pollDue(now);
            assertThat(STUB.asked("stub-backoff")).hasSize(++calls);
            assertThat(row(number).nextPollAt()).isEqualTo(now.plus(wait));
            now = now.plus(wait);
        }
        assertThat(row(number).quietPolls()).isEqualTo(7);
        assertThat(row(number).lastChangeAt()).isEqualTo(t);

        STUB.checkpoint(number, "OUT_FOR_DELIVERY", now.minus(Duration.ofMinutes(5)));
        polling.pollDue(now);

        assertThat(status(number)).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(row(number).nextPollAt()).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(row(number).quietPolls()).isZero();
        assertThat(row(number).lastChangeAt()).isEqualTo(now);
    }

    @Test
    void aCarriersRateLimitHoldsInEachWindowAndTheRestWaitsForTheNext() {
        // stub-limited: 3 calls a minute, one tracking number per call
        List<String> numbers = ship("stub-limited", 5);
        Instant t = clock.advance(Duration.ofDays(60));

        polling.pollDue(t);
        assertThat(STUB.calls("stub-limited")).hasSize(3);
        polling.pollDue(t);
        assertThat(STUB.calls("stub-limited")).as("same window").hasSize(3);
        assertThat(numbers).filteredOn(n -> row(n).lastPolledAt() == null).hasSize(2);
        assertThat(numbers)
                .filteredOn(n -> row(n).lastPolledAt() == null)
                .allSatisfy(n -> assertThat(row(n).nextPollAt()).isBeforeOrEqualTo(t));

        Instant next = clock.advance(Duration.ofMinutes(1));
        polling.pollDue(next);

        assertThat(STUB.calls("stub-limited")).hasSize(5);
        assertThat(STUB.asked("stub-limited")).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(numbers);
    }

    @Test
    void failuresBackOffWithJitterWithoutLosingTheParcelAndDoNotHoldUpOtherCarriers() {
        String flaky = ship("stub-flaky", 1).getFirst();
        String steady = ship("stub-steady", 1).getFirst();
        Instant t = clock.advance(Duration.ofDays(60));
        STUB.checkpoint(flaky, "IN_TRANSIT", t.minus(Duration.ofHours(1)));
        STUB.checkpoint(steady, "IN_TRANSIT", t.minus(Duration.ofHours(1)));

        STUB.failNext("stub-flaky", 500, null);
        CarrierPolling.Round round = polling.pollDue(t);

        assertThat(round.failedCalls()).isEqualTo(1);
        assertThat(status(steady)).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(status(flaky)).isEqualTo(TrackingStatus.LABEL_CREATED);
        ScheduleRow first = row(flaky);
        assertThat(first.failures()).isEqualTo(1);
        assertThat(first.lastError()).contains("500");
        assertThat(first.retiredAt()).isNull();
        assertThat(first.nextPollAt()).isBetween(t.plus(Duration.ofSeconds(150)), t.plus(Duration.ofMinutes(5)));

        // Throttled: the carrier's Retry-After wins over a shorter back-off.
        Instant second = first.nextPollAt();
        STUB.failNext("stub-flaky", 429, "3600");
        polling.pollDue(second);
        assertThat(row(flaky).failures()).isEqualTo(2);
        assertThat(row(flaky).nextPollAt()).isEqualTo(second.plus(Duration.ofHours(1)));

        // The third failure in a row waits between half and all of 5 min × 2².
        Instant third = row(flaky).nextPollAt();
        STUB.failNext("stub-flaky", 503, null);
        polling.pollDue(third);
        assertThat(row(flaky).failures()).isEqualTo(3);
        assertThat(row(flaky).nextPollAt())
                .isBetween(third.plus(Duration.ofMinutes(10)), third.plus(Duration.ofMinutes(20)));

        Instant fourth = row(flaky).nextPollAt();
        polling.pollDue(fourth);

        assertThat(status(flaky)).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(row(flaky).failures()).isZero();
        assertThat(row(flaky).lastError()).isNull();
        assertThat(row(flaky).nextPollAt()).isEqualTo(fourth.plus(Duration.ofMinutes(15)));
        assertThat(STUB.asked("stub-flaky")).containsExactly(flaky, flaky, flaky, flaky);
    }

    @Test
    void aParcelSilentForTheRetirementTimeIsNoLongerPolledAndTheRetirementIsRecorded() {
        String number = ship("stub-silent", 1).getFirst();
        Instant t = clock.advance(Duration.ofDays(60));

        polling.pollDue(t);
        polling.pollDue(t.plus(Duration.ofDays(29)));
        assertThat(STUB.asked("stub-silent")).containsExactly(number, number);
        assertThat(row(number).retiredAt()).isNull();

        Instant late = t.plus(Duration.ofDays(30));
        CarrierPolling.Round round = polling.pollDue(late);
        polling.pollDue(late.plus(Duration.ofDays(1)));

        assertThat(round.retired()).isGreaterThanOrEqualTo(1);
        assertThat(row(number).retiredAt()).isEqualTo(late);
        assertThat(row(number).retireReason()).isEqualTo("silent");
        assertThat(STUB.asked("stub-silent")).containsExactly(number, number);
        assertThat(status(number)).isEqualTo(TrackingStatus.LABEL_CREATED);
    }

    @Test
    void twoInstancesPollingAtOnceNeverAskAboutTheSameParcelTwiceInARound(
            @Autowired ApplicationContext context,
            @Autowired PollSchedule schedule,
            @Autowired PollingSettings settings,
            @Autowired PlatformTransactionManager transactions)
            throws Exception {
        // A second scheduler with carriers and rate limits of its own, as another instance has.
        CarrierPolling other = new CarrierPolling(
                new PolledCarriers(context.getBeanProvider(CarrierTrackingClient.class), settings, clock),
                schedule,
                intake,
                settings,
                clock,
                transactions);
        List<String> numbers = ship("stub-busy", 6);
        Instant t = clock.advance(Duration.ofDays(60));
        polling.pollDue(t); // enrols and polls them once, nothing new: all due again in 30 min
        assertThat(STUB.asked("stub-busy")).hasSize(6);
        STUB.answerSlowly("stub-busy", 200);

        Instant round = t.plus(Duration.ofMinutes(30));
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<CarrierPolling.Round>> rounds = new ArrayList<>();
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            for (CarrierPolling instance : List.of(polling, other)) {
                rounds.add(instances.submit(() -> {
                    start.await();
                    return instance.pollDue(round);
                }));
            }
        }
        for (var r : rounds) {
            r.get();
        }

        List<String> asked =
                STUB.asked("stub-busy").subList(6, STUB.asked("stub-busy").size());
        assertThat(asked).hasSize(6).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(STUB.calls("stub-busy")).hasSize(6); // 3 calls of 2 numbers per round
    }

    record ScheduleRow(
            Instant nextPollAt,
            int quietPolls,
            int failures,
            @Nullable Instant lastPolledAt,
            Instant lastChangeAt,
            @Nullable String lastError,
            @Nullable Instant retiredAt,
            @Nullable String retireReason) {}

    @Nullable
    ScheduleRow row(String trackingNumber) {
        return jdbc.sql(
                        """
                        select next_poll_at, quiet_polls, failures, last_polled_at, last_change_at, last_error,
                            retired_at, retire_reason
                        from tracking.poll_schedule where tracking_number = ?
                        """)
                .param(trackingNumber)
                .query((rs, n) -> new ScheduleRow(
                        rs.getTimestamp(1).toInstant(),
                        rs.getInt(2),
                        rs.getInt(3),
                        instant(rs.getTimestamp(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        instant(rs.getTimestamp(7)),
                        rs.getString(8)))
                .optional()
                .orElse(null);
    }

    TrackingStatus status(String trackingNumber) {
        return TrackingStatus.valueOf(jdbc.sql("select status from tracking.shipments where tracking_number = ?")
                .param(trackingNumber)
                .query(String.class)
                .single());
    }

    static CarrierReport report(String trackingNumber, String status, Instant at) {
        return new CarrierReport(
                "canonical", "stub", trackingNumber, null, List.of(new CarrierEvent(at, status, null, null, null)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One order of {@code parcels} products, each in its own parcel with {@code carrier}; their tracking numbers. */
    private List<String> ship(String carrier, int parcels) {
        String[] products = new String[parcels];
        for (int i = 0; i < parcels; i++) {
            products[i] = "P" + i;
        }
        return shipping.shipWithCarrier("polling@example.org", carrier, products)
                .trackingNumbers();
    }
}
