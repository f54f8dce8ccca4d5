package org.aftercart.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Decides the delivery range promised for a parcel, and recomputes it on every event, in this
 * order: P50 to P90 of the merchant's own delivered parcels of the same segment ({@link
 * TransitTimes}, {@code learned}); else the carrier's own estimate ({@code carrier}); else the
 * configured default counted from the shipping day ({@code default}). Days are calendar days in the
 * configured time zone. When an event brings a carrier estimate later than the latest date
 * promised so far, the parcel is {@linkplain ShipmentDelays delayed} at once.
 *
 * <p>The model is learned again from the delivered parcels at start-up and then every hour
 * ({@code aftercart.tracking.promises.relearn-every}), with one aggregate query; each instance
 * learns its own copy.
 */
@Component
class DeliveryPromises {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPromises.class);

    private final Shipments shipments;
    private final ShipmentDelays delays;
    private final TrackingSettings settings;
    private final DeliveryPromiseSettings promiseSettings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile TransitTimes model;

    DeliveryPromises(
            Shipments shipments,
            ShipmentDelays delays,
            TrackingSettings settings,
            DeliveryPromiseSettings promiseSettings,
            JdbcClient jdbc,
            Clock clock) {
        this.shipments = shipments;
        this.delays = delays;
        this.settings = settings;
        this.promiseSettings = promiseSettings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.model = TransitTimes.empty(promiseSettings.minSamples());
    }

    /** Recomputes the parcel's promise; true when it changed. */
    boolean refresh(Shipments.Shipment parcel) {
        if (parcel.view().deliveredAt() != null && parcel.view().promise() != null) {
            return false; // what was promised stays on record once the parcel is delivered
        }
        ShipmentView.DeliveryPromise previous = parcel.view().promise();
        ShipmentView.DeliveryPromise promise = promiseFor(parcel);
        boolean changed = !promise.equals(previous);
        if (changed) {
            shipments.updatePromise(parcel.id(), promise);
        }
        LocalDate estimate = parcel.carrierEstimate();
        if (previous != null
                && estimate != null
                && estimate.isAfter(previous.latest())
                && parcel.view().deliveredAt() == null) {
            delays.announce(parcel.id(), clock.instant(), ShipmentDelays.CARRIER_ESTIMATE_LATER);
        }
        return changed;
    }

    ShipmentView.DeliveryPromise promiseFor(Shipments.Shipment parcel) {
        LocalDate shipped = LocalDate.ofInstant(parcel.view().shippedAt(), zone());
        Optional<TransitTimes.Estimate> learned = model.estimate(segmentOf(parcel, shipped.getDayOfWeek()));
        if (learned.isPresent()) {
            return new ShipmentView.DeliveryPromise(
                    shipped.plusDays(learned.get().p50()),
                    shipped.plusDays(learned.get().p90()),
                    "learned");
        }
        if (parcel.carrierEstimate() != null) {
            return new ShipmentView.DeliveryPromise(parcel.carrierEstimate(), parcel.carrierEstimate(), "carrier");
        }
        int[] days = settings.defaultPromiseDays();
        return new ShipmentView.DeliveryPromise(shipped.plusDays(days[0]), shipped.plusDays(days[1]), "default");
    }

    /**
     * What to promise for an order not shipped yet: the default range counted from the day after it
     * was placed (the learned model needs a carrier and a shipping day, which are not known yet).
     */
    ShipmentView.DeliveryPromise promiseForNewOrder(Instant placedAt) {
        LocalDate shipping = LocalDate.ofInstant(placedAt, zone()).plusDays(1);
        int[] days = settings.defaultPromiseDays();
        return new ShipmentView.DeliveryPromise(shipping.plusDays(days[0]), shipping.plusDays(days[1]), "default");
    }

    /** What the model says about the parcel, and from which level; empty when it has too few samples. */
    Optional<TransitTimes.Estimate> learnedEstimate(Shipments.Shipment parcel) {
        LocalDate shipped = LocalDate.ofInstant(parcel.view().shippedAt(), zone());
        return model.estimate(segmentOf(parcel, shipped.getDayOfWeek()));
    }

    /** Learns the model again from the parcels delivered within the configured history. */
    @Scheduled(fixedDelayString = "${aftercart.tracking.promises.relearn-every:PT1H}")
    void relearn() {
        TransitTimes learned = learn(clock.instant());
        model = learned;
        log.debug("Delivery promises learned again: {}", learned);
    }

    TransitTimes model() {
        return model;
    }

    /**
     * Delivered parcels, grouped in the database by segment and whole days in transit, so that the
     * query returns one row per group rather than one per parcel. Parcels moved away from delivered
     * by a correction do not count.
     */
    TransitTimes learn(Instant now) {
        TransitTimes.Builder builder = TransitTimes.builder(promiseSettings.minSamples());
        String zone = zone().getId();
        jdbc.sql(
                        """
                        select origin_location, carrier, service, destination_country, destination_region,
                            left(upper(regexp_replace(destination_postcode, '[^[:alnum:]]', '', 'g')), :prefix) as postcode,
                            extract(isodow from shipped_at at time zone :zone)::int as weekday,
                            (delivered_at at time zone :zone)::date - (shipped_at at time zone :zone)::date as days,
                            count(*) as parcels
                        from tracking.shipments
                        where status = 'DELIVERED' and delivered_at >= :since and delivered_at >= shipped_at
                        group by 1, 2, 3, 4, 5, 6, 7, 8
                        """)
                .param("prefix", TransitTimes.POSTCODE_PREFIX)
                .param("zone", zone)
                .param("since", Timestamp.from(now.minus(promiseSettings.history())))
                .query(rs -> {
                    builder.add(
                            TransitTimes.Segment.of(
                                    rs.getString("origin_location"),
                                    rs.getString("destination_country"),
                                    TransitTimes.area(rs.getString("destination_region"), rs.getString("postcode")),
                                    rs.getString("carrier"),
                                    rs.getString("service"),
                                    DayOfWeek.of(rs.getInt("weekday"))),
                            rs.getInt("days"),
                            rs.getLong("parcels"));
                });
        return builder.build();
    }

    private static TransitTimes.Segment segmentOf(Shipments.Shipment parcel, DayOfWeek weekday) {
        return TransitTimes.Segment.of(
                parcel.originLocation(),
                parcel.view().destinationCountry(),
                TransitTimes.area(parcel.destinationRegion(), parcel.destinationPostcode()),
                parcel.view().carrier(),
                parcel.view().service(),
                weekday);
    }

    private ZoneId zone() {
        return promiseSettings.timeZone();
    }
}
