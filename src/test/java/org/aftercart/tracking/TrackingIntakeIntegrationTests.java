package org.aftercart.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The status model on real PostgreSQL: de-duplication, event-time order, forward-only, corrections, split parcels. */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@RecordApplicationEvents
class TrackingIntakeIntegrationTests {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

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

    @Autowired
    ApplicationEvents events;

    ShippedOrders shipping;

    @BeforeEach
    void setUp() {
        shipping = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory);
    }

    @Test
    void aParcelFollowsItsNewestCheckpointAndDeliveryCountsOnTheOrder() {
        var shipped = shipping.shipInParcels("one-parcel@example.org", "MUG");
        String number = shipped.trackingNumbers().getFirst();
        ShipmentView parcel = tracking.shipmentsOf(shipped.order().id()).getFirst();
        assertThat(parcel.status()).isEqualTo(TrackingStatus.LABEL_CREATED);
        assertThat(parcel.promise()).isNotNull();

        var first = intake.accept(
                "generic",
                "{}",
                List.of(report(number, event(T0, "IN_TRANSIT"), event(T0.plusSeconds(3600), "OUT_FOR_DELIVERY"))));
        assertThat(first.eventsStored()).isEqualTo(2);
        assertThat(first.statusChanges()).isEqualTo(1);
        assertThat(status(parcel)).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);

        // The carrier re-sends the same checkpoints: stored once, nothing moves.
        var replay = intake.accept("generic", "{}", List.of(report(number, event(T0, "IN_TRANSIT"))));
        assertThat(replay.eventsStored()).isZero();
        assertThat(replay.duplicates()).isEqualTo(1);

        intake.accept("generic", "{}", List.of(report(number, event(T0.plusSeconds(7200), "DELIVERED"))));
        assertThat(status(parcel)).isEqualTo(TrackingStatus.DELIVERED);
        var order = orders.find(shipped.order().id()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.lines().getFirst().quantities().delivered()).isEqualTo(1);

        // A late "in transit", even one stamped after the delivery, never undoes it.
        intake.accept("generic", "{}", List.of(report(number, event(T0.plusSeconds(9000), "IN_TRANSIT"))));
        assertThat(status(parcel)).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(tracking.timeline(tracking.shipment(parcel.id()).orElseThrow()))
                .extracting(TrackingEventView::status)
                .containsExactly(
                        TrackingStatus.IN_TRANSIT,
                        TrackingStatus.DELIVERED,
                        TrackingStatus.OUT_FOR_DELIVERY,
                        TrackingStatus.IN_TRANSIT);
        assertThat(events.stream(ShipmentStatusChanged.class))
                .filteredOn(c -> c.shipment().id().equals(parcel.id()))
                .extracting(ShipmentStatusChanged::status)
                .containsExactly(TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
    }

    @Test
    void anOlderCheckpointArrivingLateIsKeptInTheTimelineButMovesNothing() {
        var shipped = shipping.shipInParcels("late@example.org", "PLATE");
        String number = shipped.trackingNumbers().getFirst();
        ShipmentView parcel = tracking.shipmentsOf(shipped.order().id()).getFirst();

        intake.accept("generic", "{}", List.of(report(number, event(T0.plusSeconds(7200), "OUT_FOR_DELIVERY"))));
        intake.accept("generic", "{}", List.of(report(number, event(T0, "IN_TRANSIT"))));

        assertThat(status(parcel)).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(tracking.timeline(tracking.shipment(parcel.id()).orElseThrow()))
                .extracting(TrackingEventView::occurredAt)
                .containsExactly(T0.plusSeconds(7200), T0);
    }

    @Test
    void aCorrectionLeavesAFinalStatusAndIsAudited() {
        var shipped = shipping.shipInParcels("correction@example.org", "BOWL");
        String number = shipped.trackingNumbers().getFirst();
        ShipmentView parcel = tracking.shipmentsOf(shipped.order().id()).getFirst();
        intake.accept("generic", "{}", List.of(report(number, event(T0, "DELIVERED"))));

        ShipmentView corrected =
                intake.correct(parcel.id(), TrackingStatus.IN_TRANSIT, "Delivered to the wrong address", "agent@shop");

        assertThat(corrected.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(jdbc.sql("select from_status || '>' || to_status || ' by ' || actor from tracking.corrections"
                                + " where shipment_id = ?")
                        .param(parcel.id())
                        .query(String.class)
                        .single())
                .isEqualTo("DELIVERED>IN_TRANSIT by agent@shop");
        assertThat(events.stream(ShipmentStatusChanged.class))
                .filteredOn(c -> c.shipment().id().equals(parcel.id()))
                .last()
                .satisfies(change -> assertThat(change.correction()).isTrue());
    }

    @Test
    void checkpointsForAnUnknownNumberAreKeptAndApplyOnceTheParcelShips() {
        String early = "EARLY" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var outcome = intake.accept("generic", "{}", List.of(report(early, event(T0, "IN_TRANSIT"))));
        assertThat(outcome.unknownTrackingNumbers()).containsExactly(early);
        assertThat(outcome.eventsStored()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from tracking.events where tracking_number = ?")
                        .param(early)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aParcelRegisteringWhileItsFirstCheckpointsArriveNeverMissesThem() throws Exception {
        var shipped = shipping.shipInParcels("race@example.org", "CUP");
        ShipmentView template = tracking.shipmentsOf(shipped.order().id()).getFirst();
        for (int round = 0; round < 20; round++) {
            String number = "RACE" + round
                    + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            UUID parcelId = UUID.randomUUID();
            var parcel = new Shipments.Shipment(
                    new ShipmentView(
                            parcelId,
                            template.orderId(),
                            template.orderNumber(),
                            "La Poste",
                            null,
                            number,
                            TrackingStatus.LABEL_CREATED,
                            null,
                            T0,
                            null,
                            null,
                            null,
                            null,
                            "FR",
                            template.items()),
                    "MAIN",
                    null,
                    "75002",
                    null,
                    null);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            try (var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var registering = threads.submit(() -> {
                    start.await();
                    intake.register(parcel);
                    return null;
                });
                var reporting = threads.submit(() -> {
                    start.await();
                    return intake.accept(
                            "generic", null, List.of(report(number, event(T0.plusSeconds(60), "IN_TRANSIT"))));
                });
                registering.get();
                reporting.get();
            }
            assertThat(tracking.shipment(parcelId).orElseThrow().status())
                    .as("round %d", round)
                    .isEqualTo(TrackingStatus.IN_TRANSIT);
        }
    }

    @Test
    void anOrderInSeveralParcelsIsPartlyDeliveredUntilTheLastArrives() {
        var shipped = shipping.shipInParcels("split@example.org", "LAMP", "SHADE");
        OrderId order = shipped.order().id();
        assertThat(tracking.deliveryStatusOf(order)).isEqualTo(OrderDeliveryStatus.LABEL_CREATED);

        intake.accept("generic", "{}", List.of(report(shipped.trackingNumbers().get(0), event(T0, "DELIVERED"))));
        intake.accept("generic", "{}", List.of(report(shipped.trackingNumbers().get(1), event(T0, "IN_TRANSIT"))));
        assertThat(tracking.deliveryStatusOf(order)).isEqualTo(OrderDeliveryStatus.PARTIALLY_DELIVERED);
        assertThat(orders.find(order).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);

        intake.accept(
                "generic",
                "{}",
                List.of(report(shipped.trackingNumbers().get(1), event(T0.plusSeconds(60), "DELIVERED"))));
        assertThat(tracking.deliveryStatusOf(order)).isEqualTo(OrderDeliveryStatus.DELIVERED);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(orders.find(order).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED));
    }

    @Test
    void aMerchantOverrideOfOneCodeAppliesToNewEvents(@Autowired StatusMappings mappings) {
        assertThat(mappings.map("aftership", "Exception", "Exception_099").status())
                .as("an unknown subtag falls back on its tag")
                .isEqualTo(TrackingStatus.EXCEPTION);
        assertThat(mappings.map("aftership", "Exception", "Exception_011").status())
                .isEqualTo(TrackingStatus.RETURNING_TO_SENDER);

        mappings.override(
                new StatusMappings.Override("easypost", "failure", "lost_test", TrackingStatus.DELAYED), "admin");

        assertThat(mappings.map("easypost", "failure", "lost_test"))
                .isEqualTo(new StatusMappings.Mapped(TrackingStatus.DELAYED, "override"));
        assertThat(mappings.map("easypost", "failure", null).status()).isEqualTo(TrackingStatus.EXCEPTION);
    }

    private TrackingStatus status(ShipmentView parcel) {
        return tracking.shipment(parcel.id()).orElseThrow().status();
    }

    static CarrierReport report(String number, CarrierEvent... events) {
        return new CarrierReport("canonical", "La Poste", number, LocalDate.of(2026, 11, 25), List.of(events));
    }

    static CarrierEvent event(Instant at, String status) {
        return new CarrierEvent(at, status, null, "Status " + status, new EventLocation("Paris", null, "75002", "FR"));
    }
}
