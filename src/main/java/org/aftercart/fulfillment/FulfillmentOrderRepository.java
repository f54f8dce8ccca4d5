package org.aftercart.fulfillment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for fulfilment orders, their lines and parcels. */
@Repository
class FulfillmentOrderRepository {

    private final JdbcClient jdbc;

    FulfillmentOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FulfillmentOrderView> find(UUID id, boolean forUpdate) {
        return jdbc.sql("select * from fulfillment.fulfillment_orders where id = ?" + (forUpdate ? " for update" : ""))
                .param(id)
                .query(this::header)
                .optional()
                .map(this::withLines);
    }

    List<FulfillmentOrderView> ofOrder(UUID orderId) {
        return jdbc
                .sql("select * from fulfillment.fulfillment_orders where order_id = ? order by location_code")
                .param(orderId)
                .query(this::header)
                .list()
                .stream()
                .map(this::withLines)
                .toList();
    }

    List<FulfillmentOrderView> queue(@Nullable String locationCode, @Nullable FulfillmentStatus status, int limit) {
        return jdbc
                .sql(
                        """
                        select * from fulfillment.fulfillment_orders
                        where (cast(:location as text) is null or location_code = :location)
                          and (cast(:status as text) is null or status = :status)
                        order by created_at limit :limit
                        """)
                .param("location", locationCode)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(this::header)
                .list()
                .stream()
                .map(this::withLines)
                .toList();
    }

    /** A new fulfilment order with its lines, in one statement. */
    void insert(
            UUID id,
            UUID orderId,
            String orderNumber,
            String locationCode,
            FulfillmentStatus status,
            Instant holdUntil,
            Instant shipBy,
            Instant createdAt,
            Map<UUID, LineQuantity> lines) {
        jdbc.sql(
                        """
                        with fulfillment_order as (
                            insert into fulfillment.fulfillment_orders
                                (id, order_id, order_number, location_code, status, hold_until, ship_by, created_at, released_at)
                            values (:id, :order, :number, :location, :status, :holdUntil, :shipBy, :createdAt, :releasedAt)
                        )
                        insert into fulfillment.fulfillment_order_lines (fulfillment_order_id, order_line_id, sku, quantity)
                        select :id, * from unnest(:lines::uuid[], :skus::text[], :quantities::int[])
                        """)
                .param("id", id)
                .param("order", orderId)
                .param("number", orderNumber)
                .param("location", locationCode)
                .param("status", status.name())
                .param("holdUntil", Timestamp.from(holdUntil))
                .param("shipBy", Timestamp.from(shipBy))
                .param("createdAt", Timestamp.from(createdAt))
                .param(
                        "releasedAt",
                        status == FulfillmentStatus.RELEASED ? Timestamp.from(createdAt) : null,
                        Types.TIMESTAMP)
                .param("lines", lines.keySet().toArray(UUID[]::new))
                .param("skus", lines.values().stream().map(LineQuantity::sku).toArray(String[]::new))
                .param(
                        "quantities",
                        lines.values().stream().map(LineQuantity::quantity).toArray(Integer[]::new))
                .update();
    }

    void replaceLines(UUID fulfillmentOrderId, Map<UUID, LineQuantity> lines) {
        jdbc.sql("delete from fulfillment.fulfillment_order_lines where fulfillment_order_id = ?")
                .param(fulfillmentOrderId)
                .update();
        jdbc.sql(
                        """
                        insert into fulfillment.fulfillment_order_lines (fulfillment_order_id, order_line_id, sku, quantity)
                        select ?, * from unnest(?::uuid[], ?::text[], ?::int[])
                        """)
                .params(
                        fulfillmentOrderId,
                        lines.keySet().toArray(UUID[]::new),
                        lines.values().stream().map(LineQuantity::sku).toArray(String[]::new),
                        lines.values().stream().map(LineQuantity::quantity).toArray(Integer[]::new))
                .update();
    }

    record LineQuantity(String sku, int quantity) {}

    /** Moves to {@code to} only from one of {@code from}; false when another step got there first. */
    boolean transition(UUID id, List<FulfillmentStatus> from, FulfillmentStatus to, Instant at) {
        String stamp =
                switch (to) {
                    case RELEASED -> ", released_at = :at";
                    case PICKING -> ", picking_at = :at";
                    case PACKING -> ", packing_at = :at";
                    case SHIPPED -> ", shipped_at = :at";
                    default -> "";
                };
        return jdbc.sql("update fulfillment.fulfillment_orders set status = :to, version = version + 1" + stamp
                                + " where id = :id and status in (:from)")
                        .param("to", to.name())
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    /** Releases every fulfilment order whose hold window has passed; safe to run on several instances. */
    int releaseDue(Instant now) {
        return jdbc.sql(
                        """
                        update fulfillment.fulfillment_orders set status = 'RELEASED', released_at = :now, version = version + 1
                        where status = 'ON_HOLD' and hold_until <= :now
                        """)
                .param("now", Timestamp.from(now))
                .update();
    }

    void addShipped(UUID fulfillmentOrderId, UUID orderLineId, int quantity) {
        jdbc.sql(
                        """
                        update fulfillment.fulfillment_order_lines set shipped = shipped + ?
                        where fulfillment_order_id = ? and order_line_id = ?
                        """)
                .params(quantity, fulfillmentOrderId, orderLineId)
                .update();
    }

    void insertParcel(ParcelView parcel, @Nullable String externalRef) {
        jdbc.sql(
                        """
                        insert into fulfillment.parcels
                            (id, fulfillment_order_id, order_id, carrier, service, tracking_number, external_ref, shipped_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        parcel.id(),
                        parcel.fulfillmentOrderId(),
                        parcel.orderId(),
                        parcel.carrier(),
                        parcel.service(),
                        parcel.trackingNumber(),
                        externalRef,
                        Timestamp.from(parcel.shippedAt()))
                .update();
        for (ParcelView.Item item : parcel.items()) {
            jdbc.sql(
                            "insert into fulfillment.parcel_items (parcel_id, order_line_id, sku, quantity) values (?, ?, ?, ?)")
                    .params(parcel.id(), item.orderLineId(), item.sku(), item.quantity())
                    .update();
        }
    }

    boolean parcelExists(String externalRef) {
        return jdbc.sql("select count(*) from fulfillment.parcels where external_ref = ?")
                        .param(externalRef)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    List<ParcelView> parcelsOf(UUID orderId) {
        Map<UUID, ParcelView> parcels = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select p.*, i.order_line_id, i.sku, i.quantity from fulfillment.parcels p
                        left join fulfillment.parcel_items i on i.parcel_id = p.id
                        where p.order_id = ? order by p.shipped_at, p.id, i.sku
                        """)
                .param(orderId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    ParcelView parcel = parcels.computeIfAbsent(id, key -> parcel(rs));
                    if (rs.getObject("order_line_id") != null) {
                        parcel.items()
                                .add(new ParcelView.Item(
                                        rs.getObject("order_line_id", UUID.class),
                                        rs.getString("sku"),
                                        rs.getInt("quantity")));
                    }
                    return id;
                })
                .list();
        return List.copyOf(parcels.values());
    }

    private static ParcelView parcel(ResultSet rs) {
        try {
            return new ParcelView(
                    rs.getObject("id", UUID.class),
                    rs.getObject("order_id", UUID.class),
                    rs.getObject("fulfillment_order_id", UUID.class),
                    rs.getString("carrier"),
                    rs.getString("service"),
                    rs.getString("tracking_number"),
                    rs.getTimestamp("shipped_at").toInstant(),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private FulfillmentOrderView header(ResultSet rs, int row) throws SQLException {
        return new FulfillmentOrderView(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getString("location_code"),
                FulfillmentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("hold_until").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "released_at"),
                instant(rs, "picking_at"),
                instant(rs, "packing_at"),
                instant(rs, "shipped_at"),
                List.of());
    }

    private FulfillmentOrderView withLines(FulfillmentOrderView header) {
        List<FulfillmentOrderView.Line> lines = jdbc.sql(
                        """
                        select order_line_id, sku, quantity, shipped from fulfillment.fulfillment_order_lines
                        where fulfillment_order_id = ? order by sku
                        """)
                .param(header.id())
                .query((rs, row) -> new FulfillmentOrderView.Line(
                        rs.getObject("order_line_id", UUID.class),
                        rs.getString("sku"),
                        rs.getInt("quantity"),
                        rs.getInt("shipped")))
                .list();
        return new FulfillmentOrderView(
                header.id(),
                header.orderId(),
                header.orderNumber(),
                header.locationCode(),
                header.status(),
                header.holdUntil(),
                header.createdAt(),
                header.releasedAt(),
                header.pickingAt(),
                header.packingAt(),
                header.shippedAt(),
                lines);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
