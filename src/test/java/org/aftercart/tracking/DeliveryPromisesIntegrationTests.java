package org.aftercart.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.aftercart.catalog.Catalog;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderManagement;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Delivery promises and delays on real PostgreSQL: delivered parcels teach the model, the carrier's
 * estimate stands in when there is no history, and the delay check announces each late parcel once.
 * Every test uses a carrier of its own, so parcels of other tests teach it nothing.
 */
@SpringBootTest(properties = "aftercart.fulfillment.hold-window=PT0S")
@RecordApplicationEvents
class DeliveryPromisesIntegrationTests {

    @Autowired
    TrackingIntake intake;

    @Autowired
    Tracking tracking;

    @Autowired
    DeliveryPromises promises;

    @Autowired
    ShipmentDelays delays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Test
    void deliveredParcelsTeachTheModelAndANewParcelGetsALearnedPromise() {
        String carrier = uniqueCarrier("Learnt");
        LocalDate monday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .minusWeeks(3)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant shippedMonday = monday.atTime(10, 0).toInstant(ZoneOffset.UTC);
        // 30 parcels shipped on Mondays from WH-L to Lyon: 10 took 2 days, 10 took 3, 7 took 4, 3 took 6.
        delivered(carrier, shippedMonday, 2, 10);
        delivered(carrier, shippedMonday, 3, 10);
        delivered(carrier, shippedMonday, 4, 7);
        delivered(carrier, shippedMonday, 6, 3);
        // Delivered before it shipped (a clock error somewhere): never learned from.
        delivered(carrier, shippedMonday, -1, 5);

        promises.relearn();

        Instant nextMonday = monday.plusWeeks(1).atTime(9, 30).toInstant(ZoneOffset.UTC);
        ShipmentView parcel = register(carrier, nextMonday, "69003");
        assertThat(parcel.promise())
                .isEqualTo(new ShipmentView.DeliveryPromise(
                        monday.plusWeeks(1).plusDays(3), monday.plusWeeks(1).plusDays(4), "learned"));
        assertThat(promises.learnedEstimate(shipment(parcel)).orElseThrow())
                .isEqualTo(new TransitTimes.Estimate(3, 4, TransitTimes.Level.SEGMENT, 30));

        // Shipped on a Wednesday: no Wednesday history, the lane's answers on any weekday.
        Instant wednesday = nextMonday.plus(Duration.ofDays(2));
        ShipmentView later = register(carrier, wednesday, "69100");
        assertThat(later.promise().basis()).isEqualTo("learned");
        assertThat(later.promise().latest()).isEqualTo(monday.plusWeeks(1).plusDays(2 + 4));
        assertThat(promises.learnedEstimate(shipment(later)).orElseThrow().level())
                .isEqualTo(TransitTimes.Level.LANE_SERVICE);

        // Another carrier on the same lane has no history of its own.
        ShipmentView other = register(uniqueCarrier("Other"), nextMonday, "69003");
        assertThat(other.promise().basis()).isEqualTo("default");
    }

    @Test
    void withoutHistoryTheCarrierEstimateIsPromisedAndALaterOneIsADelay() {
        String carrier = uniqueCarrier("Estimating");
        Instant shipped = clock.instant().minus(Duration.ofDays(1));
        LocalDate shippedOn = LocalDate.ofInstant(shipped, ZoneOffset.UTC);
        ShipmentView parcel = register(carrier, shipped, "13001");
        assertThat(parcel.promise())
                .isEqualTo(new ShipmentView.DeliveryPromise(shippedOn.plusDays(2), shippedOn.plusDays(5), "default"));

        intake.accept(
                "generic", null, List.of(report(carrier, parcel, shippedOn.plusDays(4), shipped.plusSeconds(3600))));

        assertThat(view(parcel).promise())
                .isEqualTo(new ShipmentView.DeliveryPromise(shippedOn.plusDays(4), shippedOn.plusDays(4), "carrier"));
        assertThat(delayedEvents(parcel)).isEmpty();

        // The carrier pushes its estimate past what was promised: announced as the event arrives.
        intake.accept(
                "generic", null, List.of(report(carrier, parcel, shippedOn.plusDays(7), shipped.plusSeconds(7200))));
        intake.accept(
                "generic", null, List.of(report(carrier, parcel, shippedOn.plusDays(9), shipped.plusSeconds(9000))));

        assertThat(view(parcel).promise())
                .isEqualTo(new ShipmentView.DeliveryPromise(shippedOn.plusDays(9), shippedOn.plusDays(9), "carrier"));
        assertThat(delayedEvents(parcel)).singleElement().satisfies(delayed -> assertThat(delayed.reason())
                .isEqualTo(ShipmentDelays.CARRIER_ESTIMATE_LATER));
        assertThat(view(parcel).delayReason()).isEqualTo(ShipmentDelays.CARRIER_ESTIMATE_LATER);
    }

    @Test
    void aParcelTheCarrierStoppedScanningIsAnnouncedOnce() {
        String carrier = uniqueCarrier("Quiet");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ShipmentView parcel = register(carrier, now.minus(Duration.ofHours(2)), "33000");
        intake.accept("generic", null, List.of(report(carrier, parcel, null, now.minus(Duration.ofHours(1)))));

        delays.check(now.plus(Duration.ofHours(70)));
        assertThat(delayedEvents(parcel)).isEmpty();

        Instant silent = now.plus(Duration.ofHours(72));
        delays.check(silent);
        delays.check(silent.plus(Duration.ofHours(1)));

        assertThat(delayedEvents(parcel)).singleElement().satisfies(delayed -> {
            assertThat(delayed.reason()).isEqualTo(ShipmentDelays.SILENT);
            assertThat(delayed.shipment().delayedSince()).isEqualTo(silent);
        });
        assertThat(view(parcel).delayReason()).isEqualTo(ShipmentDelays.SILENT);
    }

    @Test
    void aParcelStillOnItsWayAfterItsPromiseIsAnnouncedOnceButADeliveredOneIsNot(
            @Autowired OrderManagement orders,
            @Autowired Fulfillment fulfillment,
            @Autowired Catalog catalog,
            @Autowired Inventory inventory) {
        String carrier = uniqueCarrier("Late");
        Instant now = clock.instant();
        ShipmentView parcel = register(carrier, now, "31000");
        LocalDate latest = parcel.promise().latest();
        // Scanned on the last promised day: late from the next day on, but not silent.
        intake.accept(
                "generic",
                null,
                List.of(report(carrier, parcel, null, latest.atTime(8, 0).toInstant(ZoneOffset.UTC))));

        delays.check(latest.atTime(23, 0).toInstant(ZoneOffset.UTC));
        assertThat(delayedEvents(parcel)).isEmpty();

        var shipped = new ShippedOrders(orders, fulfillment, tracking, catalog, inventory)
                .shipInParcels("promise-kept@example.org", "KETTLE");
        ShipmentView delivered = tracking.shipmentsOf(shipped.order().id()).getFirst();
        intake.accept(
                "generic",
                null,
                List.of(new CarrierReport(
                        "canonical",
                        "La Poste",
                        shipped.trackingNumbers().getFirst(),
                        null,
                        List.of(new CarrierEvent(now.plusSeconds(60), "DELIVERED", null, null, null)))));

        Instant dayAfter = latest.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        delays.check(dayAfter);
        delays.check(dayAfter.plus(Duration.ofDays(1)));

        assertThat(delayedEvents(parcel)).singleElement().satisfies(delayed -> assertThat(delayed.reason())
                .isEqualTo(ShipmentDelays.PROMISE_PASSED));
        assertThat(delayedEvents(delivered)).isEmpty();
        assertThat(view(delivered).delayedSince()).isNull();
    }

    private List<ShipmentDelayed> delayedEvents(ShipmentView parcel) {
        return events.stream(ShipmentDelayed.class)
                .filter(delayed -> delayed.shipment().id().equals(parcel.id()))
                .toList();
    }

    private ShipmentView register(String carrier, Instant shippedAt, String postcode) {
        UUID id = UUID.randomUUID();
        intake.register(new Shipments.Shipment(
                new ShipmentView(
                        id,
                        UUID.randomUUID(),
                        "P-" + id.toString().substring(0, 8),
                        carrier,
                        "Standard",
                        trackingNumber(id),
                        TrackingStatus.LABEL_CREATED,
                        null,
                        shippedAt,
                        null,
                        null,
                        null,
                        null,
                        "FR",
                        List.of(new ShipmentView.Item(UUID.randomUUID(), "SKU-1", 1))),
                "WH-L",
                null,
                postcode,
                null,
                null));
        return tracking.shipment(id).orElseThrow();
    }

    /** Parcels of the carrier shipped from WH-L to Lyon and delivered {@code days} later. */
    private void delivered(String carrier, Instant shippedAt, int days, int parcels) {
        for (int i = 0; i < parcels; i++) {
            UUID id = UUID.randomUUID();
            Instant deliveredAt = shippedAt.plus(Duration.ofDays(days)).plus(Duration.ofHours(4));
            jdbc.sql(
                            """
                            insert into tracking.shipments (id, order_id, order_number, origin_location, carrier, service,
                                tracking_number, destination_country, destination_postcode, shipped_at, status, status_at,
                                delivered_at)
                            values (?, ?, ?, 'WH-L', ?, 'Standard', ?, 'FR', '69002', ?, 'DELIVERED', ?, ?)
                            """)
                    .params(
                            id,
                            UUID.randomUUID(),
                            "H-" + id.toString().substring(0, 8),
                            carrier,
                            trackingNumber(id),
                            Timestamp.from(shippedAt),
                            Timestamp.from(deliveredAt),
                            Timestamp.from(deliveredAt))
                    .update();
        }
    }

    private Shipments.Shipment shipment(ShipmentView parcel) {
        return new Shipments.Shipment(parcel, "WH-L", null, postcodeOf(parcel), null, null);
    }

    private String postcodeOf(ShipmentView parcel) {
        return jdbc.sql("select destination_postcode from tracking.shipments where id = ?")
                .param(parcel.id())
                .query(String.class)
                .single();
    }

    private ShipmentView view(ShipmentView parcel) {
        return tracking.shipment(parcel.id()).orElseThrow();
    }

    private static CarrierReport report(
            String carrier, ShipmentView parcel, @Nullable LocalDate estimate, Instant scannedAt) {
        return new CarrierReport(
                "canonical",
                carrier,
                parcel.trackingNumber(),
                estimate,
                List.of(new CarrierEvent(scannedAt, "IN_TRANSIT", null, "In transit", null)));
    }

    private static String trackingNumber(UUID id) {
        return "PR" + id.toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    private static String uniqueCarrier(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
