package org.aftercart.tracking;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tracking schema's parcels and their items. */
@Repository
class Shipments {

    private static final String COLUMNS =
            """
            id, order_id, order_number, origin_location, carrier, service, tracking_number, destination_country,
            destination_region, destination_postcode, shipped_at, status, status_at, last_event_at, delivered_at,
            carrier_estimate, promise_earliest, promise_latest, promise_basis, delayed_since, delay_reason
            """;

    /** A parcel row with what the promise estimator needs beyond the public view. */
    record Shipment(
            ShipmentView view,
            String originLocation,
            @Nullable String destinationRegion,
            @Nullable String destinationPostcode,
            @Nullable Instant lastEventAt,
            @Nullable LocalDate carrierEstimate) {

        UUID id() {
            return view.id();
        }

        TrackingStatus status() {
            return view.status();
        }

        /** As after {@link Shipments#recordActivity}, without reading the row again. */
        Shipment withActivity(@Nullable Instant eventAt, @Nullable LocalDate estimate) {
            Instant last =
                    lastEventAt == null || (eventAt != null && eventAt.isAfter(lastEventAt)) ? eventAt : lastEventAt;
            return new Shipment(
                    view,
                    originLocation,
                    destinationRegion,
                    destinationPostcode,
                    last,
                    estimate != null ? estimate : carrierEstimate);
        }
    }

    private final JdbcClient jdbc;

    Shipments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Shipment shipment) {
        ShipmentView view = shipment.view();
        jdbc.sql(
                        """
                        insert into tracking.shipments (id, order_id, order_number, origin_location, carrier, service,
                            tracking_number, destination_country, destination_region, destination_postcode, shipped_at,
                            status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        view.id(),
                        view.orderId(),
                        view.orderNumber(),
                        shipment.originLocation(),
                        view.carrier(),
                        view.service(),
                        view.trackingNumber(),
                        view.destinationCountry(),
                        shipment.destinationRegion(),
                        shipment.destinationPostcode(),
                        Timestamp.from(view.shippedAt()),
                        view.status().name())
                .update();
        for (ShipmentView.Item item : view.items()) {
            jdbc.sql(
                            "insert into tracking.shipment_items (shipment_id, order_line_id, sku, quantity) values (?, ?, ?, ?)")
                    .params(view.id(), item.orderLineId(), item.sku(), item.quantity())
                    .update();
        }
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from tracking.shipments where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    Optional<Shipment> find(UUID id) {
        return list("where id = ?", id).stream().findFirst();
    }

    /**
     * Locks the parcels with these tracking numbers (in id order, so that concurrent intakes queue
     * instead of deadlocking). Their items are not read: the intake needs them only when a parcel
     * moves.
     */
    List<Shipment> lockByTrackingNumbers(Collection<String> trackingNumbers) {
        return jdbc
                .sql("select " + COLUMNS
                        + " from tracking.shipments where tracking_number = any(?) order by id for update")
                .param(trackingNumbers.toArray(String[]::new))
                .query(Shipments::row)
                .list()
                .stream()
                .map(row -> row.with(List.of()))
                .toList();
    }

    Optional<Shipment> lock(UUID id) {
        return list("where id = ? for update", id).stream().findFirst();
    }

    /** The parcels with this tracking number, as given or in upper case (both use the index). */
    List<Shipment> byTrackingNumber(String trackingNumber) {
        String given = trackingNumber.strip();
        return list("where tracking_number = any(?) order by shipped_at desc, id", (Object)
                new String[] {given, given.toUpperCase(java.util.Locale.ROOT)});
    }

    List<Shipment> ofOrder(UUID orderId) {
        return list("where order_id = ? order by shipped_at, id", orderId);
    }

    void updateStatus(UUID id, TrackingStatus status, Instant statusAt, @Nullable Instant deliveredAt) {
        jdbc.sql(
                        """
                        update tracking.shipments set status = ?, status_at = ?, delivered_at = coalesce(delivered_at, ?),
                            version = version + 1
                        where id = ?
                        """)
                .params(
                        status.name(),
                        Timestamp.from(statusAt),
                        deliveredAt == null ? null : Timestamp.from(deliveredAt),
                        id)
                .update();
    }

    /** The newest event time and the carrier's latest estimate, per tracking number. */
    void recordActivity(
            Collection<String> trackingNumbers, Map<String, Instant> newestEvents, Map<String, LocalDate> estimates) {
        List<String> numbers = List.copyOf(trackingNumbers);
        jdbc.sql(
                        """
                        update tracking.shipments s
                        set last_event_at = greatest(s.last_event_at, a.newest_event),
                            carrier_estimate = coalesce(a.estimate, s.carrier_estimate)
                        from unnest(?::text[], ?::timestamptz[], ?::date[]) as a (tracking_number, newest_event, estimate)
                        where s.tracking_number = a.tracking_number
                        """)
                .params(
                        numbers.toArray(String[]::new),
                        numbers.stream()
                                .map(n -> newestEvents.get(n) == null ? null : Timestamp.from(newestEvents.get(n)))
                                .toArray(Timestamp[]::new),
                        numbers.stream()
                                .map(n -> estimates.get(n) == null ? null : Date.valueOf(estimates.get(n)))
                                .toArray(Date[]::new))
                .update();
    }

    void updatePromise(UUID id, ShipmentView.DeliveryPromise promise) {
        jdbc.sql(
                        "update tracking.shipments set promise_earliest = ?, promise_latest = ?, promise_basis = ? where id = ?")
                .params(Date.valueOf(promise.earliest()), Date.valueOf(promise.latest()), promise.basis(), id)
                .update();
    }

    /** Marks the parcel delayed; false when it already was (so the delay is announced once). */
    boolean markDelayed(UUID id, Instant since, String reason) {
        return jdbc.sql(
                                """
                                update tracking.shipments set delayed_since = ?, delay_reason = ?
                                where id = ? and delayed_since is null and delivered_at is null
                                """)
                        .params(Timestamp.from(since), reason, id)
                        .update()
                > 0;
    }

    private List<Shipment> list(String where, Object... params) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from tracking.shipments " + where)
                .params(params)
                .query(Shipments::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ShipmentView.Item>> items =
                itemsOf(rows.stream().map(Row::id).toList());
        List<Shipment> shipments = new ArrayList<>(rows.size());
        for (Row row : rows) {
            shipments.add(row.with(items.getOrDefault(row.id(), List.of())));
        }
        return shipments;
    }

    private Map<UUID, List<ShipmentView.Item>> itemsOf(Collection<UUID> ids) {
        Map<UUID, List<ShipmentView.Item>> items = new HashMap<>();
        jdbc.sql(
                        """
                        select shipment_id, order_line_id, sku, quantity from tracking.shipment_items
                        where shipment_id = any(?) order by sku
                        """)
                .param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    items.computeIfAbsent(rs.getObject("shipment_id", UUID.class), id -> new ArrayList<>())
                            .add(new ShipmentView.Item(
                                    rs.getObject("order_line_id", UUID.class),
                                    rs.getString("sku"),
                                    rs.getInt("quantity")));
                });
        return items;
    }

    /** A row before its items are attached. */
    private record Row(
            UUID id,
            UUID orderId,
            String orderNumber,
            String originLocation,
            String carrier,
            @Nullable String service,
            @Nullable String trackingNumber,
            @Nullable String destinationCountry,
            @Nullable String destinationRegion,
            @Nullable String destinationPostcode,
            Instant shippedAt,
            TrackingStatus status,
            @Nullable Instant statusAt,
            @Nullable Instant lastEventAt,
            @Nullable Instant deliveredAt,
            @Nullable LocalDate carrierEstimate,
            ShipmentView.@Nullable DeliveryPromise promise,
            @Nullable Instant delayedSince,
            @Nullable String delayReason) {

        Shipment with(List<ShipmentView.Item> items) {
            return new Shipment(
                    new ShipmentView(
                            id,
                            orderId,
                            orderNumber,
                            carrier,
                            service,
                            trackingNumber,
                            status,
                            statusAt,
                            shippedAt,
                            deliveredAt,
                            promise,
                            delayedSince,
                            delayReason,
                            destinationCountry,
                            items),
                    originLocation,
                    destinationRegion,
                    destinationPostcode,
                    lastEventAt,
                    carrierEstimate);
        }
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        Date earliest = rs.getDate("promise_earliest");
        Date estimate = rs.getDate("carrier_estimate");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getString("origin_location"),
                rs.getString("carrier"),
                rs.getString("service"),
                rs.getString("tracking_number"),
                rs.getString("destination_country"),
                rs.getString("destination_region"),
                rs.getString("destination_postcode"),
                instant(rs, "shipped_at"),
                TrackingStatus.valueOf(rs.getString("status")),
                instant(rs, "status_at"),
                instant(rs, "last_event_at"),
                instant(rs, "delivered_at"),
                estimate == null ? null : estimate.toLocalDate(),
                earliest == null
                        ? null
                        : new ShipmentView.DeliveryPromise(
                                earliest.toLocalDate(),
                                rs.getDate("promise_latest").toLocalDate(),
                                rs.getString("promise_basis")),
                instant(rs, "delayed_since"),
                rs.getString("delay_reason"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
