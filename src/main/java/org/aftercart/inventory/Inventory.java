package org.aftercart.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory module's API. Allocation prefers one location that can fill the whole order (fewer
 * parcels), then splits line by line across locations in priority order; what no location has is
 * backordered at the first warehouse. Stock rows are locked in a fixed order so that concurrent
 * allocations never deadlock.
 */
@Service
public class Inventory {

    private final JdbcClient jdbc;

    Inventory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Location> locations() {
        return jdbc.sql(
                        "select code, name, kind, country, priority from inventory.locations where active order by priority, code")
                .query((rs, row) -> new Location(
                        rs.getString("code"),
                        rs.getString("name"),
                        Location.Kind.valueOf(rs.getString("kind")),
                        rs.getString("country"),
                        rs.getInt("priority")))
                .list();
    }

    @Transactional
    public void defineLocation(Location location) {
        jdbc.sql(
                        """
                        insert into inventory.locations (code, name, kind, country, priority) values (?, ?, ?, ?, ?)
                        on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                            country = excluded.country, priority = excluded.priority, active = true
                        """)
                .params(
                        location.code(),
                        location.name(),
                        location.kind().name(),
                        location.country(),
                        location.priority())
                .update();
    }

    /** Sets the counted stock of a SKU at a location (a stock take or a delivery from a supplier). */
    @Transactional
    public void setOnHand(String locationCode, String sku, int onHand) {
        if (onHand < 0) {
            throw new IllegalArgumentException("On-hand stock cannot be negative");
        }
        jdbc.sql(
                        """
                        insert into inventory.stock_levels (location_code, sku, on_hand) values (?, ?, ?)
                        on conflict (location_code, sku) do update set on_hand = excluded.on_hand
                        """)
                .params(locationCode, sku, onHand)
                .update();
    }

    public List<StockLevel> stockOf(String sku) {
        return jdbc.sql(
                        "select location_code, sku, on_hand, reserved from inventory.stock_levels where sku = ? order by location_code")
                .param(sku)
                .query((rs, row) -> new StockLevel(
                        rs.getString("location_code"),
                        rs.getString("sku"),
                        rs.getInt("on_hand"),
                        rs.getInt("reserved")))
                .list();
    }

    public List<Allocation> reservationsOf(UUID orderId) {
        return jdbc.sql(
                        """
                        select r.order_line_id, r.sku, r.location_code, r.quantity,
                               greatest(0, least(r.quantity, s.reserved - s.on_hand)) as backordered
                        from inventory.reservations r
                        join inventory.stock_levels s on s.location_code = r.location_code and s.sku = r.sku
                        where r.order_id = ? order by r.location_code, r.sku
                        """)
                .param(orderId)
                .query((rs, row) -> new Allocation(
                        rs.getObject("order_line_id", UUID.class),
                        rs.getString("sku"),
                        rs.getString("location_code"),
                        rs.getInt("quantity"),
                        rs.getInt("backordered")))
                .list();
    }

    /**
     * Reserves stock for the demands of an order and says where each unit comes from. Runs in the
     * caller's transaction: the reservation commits with the order.
     */
    @Transactional
    public List<Allocation> allocate(UUID orderId, List<Demand> demands) {
        return allocate(orderId, demands, List.of());
    }

    /**
     * Releases the order's reservations and allocates its current demands again, preferring the
     * locations it already had so that a small change does not move a whole order.
     */
    @Transactional
    public List<Allocation> reallocate(UUID orderId, List<Demand> demands) {
        List<String> previous = reservationsOf(orderId).stream()
                .map(Allocation::locationCode)
                .distinct()
                .toList();
        release(orderId);
        return allocate(orderId, demands, previous);
    }

    /** Gives back everything the order still holds (cancellation). */
    @Transactional
    public void release(UUID orderId) {
        jdbc.sql(
                        """
                        with released as (
                            delete from inventory.reservations where order_id = ? returning location_code, sku, quantity)
                        update inventory.stock_levels s set reserved = s.reserved - r.quantity
                        from (select location_code, sku, sum(quantity) as quantity from released group by 1, 2) r
                        where s.location_code = r.location_code and s.sku = r.sku
                        """)
                .param(orderId)
                .update();
    }

    /** Units left the building: they leave on-hand stock and the line's reservation. */
    @Transactional
    public void consume(UUID orderLineId, String locationCode, int quantity) {
        String sku = jdbc.sql(
                        """
                        update inventory.reservations set quantity = quantity - ?
                        where order_line_id = ? and location_code = ? and quantity >= ?
                        returning sku
                        """)
                .params(quantity, orderLineId, locationCode, quantity)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "Line " + orderLineId + " has fewer than " + quantity + " units reserved at " + locationCode));
        jdbc.sql("delete from inventory.reservations where order_line_id = ? and location_code = ? and quantity = 0")
                .params(orderLineId, locationCode)
                .update();
        jdbc.sql(
                        """
                        update inventory.stock_levels set on_hand = on_hand - ?, reserved = reserved - ?
                        where location_code = ? and sku = ?
                        """)
                .params(quantity, quantity, locationCode, sku)
                .update();
    }

    /**
     * Reserves units of a SKU at one location that has them all, without backordering: for a holder
     * other than an order (e.g. a return's exchange item). Empty when no location has them; released
     * with {@link #release(UUID)} under the holder's id.
     */
    @Transactional
    public Optional<Allocation> reserveInStock(UUID holderId, UUID holderLineId, String sku, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("Quantity to reserve must be positive, got " + quantity);
        }
        Map<String, Map<String, Integer>> available = lockAvailable(List.of(sku));
        Optional<Allocation> allocation = locations().stream()
                .filter(location -> availableAt(available, location.code(), sku) >= quantity)
                .findFirst()
                .map(location -> new Allocation(holderLineId, sku, location.code(), quantity, 0));
        allocation.ifPresent(reserved -> reserve(holderId, List.of(reserved)));
        return allocation;
    }

    /**
     * Reserves units of a SKU at one given location (e.g. a store's own shelf for an exchange at its
     * counter), without backordering and without looking elsewhere. Empty when that location has
     * fewer units available; released with {@link #release(UUID)} under the holder's id.
     */
    @Transactional
    public Optional<Allocation> reserveAt(
            UUID holderId, UUID holderLineId, String locationCode, String sku, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("Quantity to reserve must be positive, got " + quantity);
        }
        Map<String, Map<String, Integer>> available = lockAvailable(List.of(sku));
        if (availableAt(available, locationCode, sku) < quantity) {
            return Optional.empty();
        }
        Allocation reserved = new Allocation(holderLineId, sku, locationCode, quantity, 0);
        reserve(holderId, List.of(reserved));
        return Optional.of(reserved);
    }

    /** Units of these SKUs a location can still give (on hand less reserved), without locking; absent SKUs have 0. */
    public Map<String, Integer> available(String locationCode, Collection<String> skus) {
        Map<String, Integer> available = new HashMap<>();
        skus.forEach(sku -> available.put(sku, 0));
        jdbc.sql(
                        """
                        select sku, greatest(0, on_hand - reserved) as available from inventory.stock_levels
                        where location_code = ? and sku = any(?)
                        """)
                .params(locationCode, skus.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> available.put(rs.getString("sku"), rs.getInt("available")))
                .list();
        return available;
    }

    /**
     * An order handed over at a counter: its units leave the location's on-hand stock at once, with
     * no reservation and nothing left to ship. Runs in the caller's transaction; refused (and the
     * order with it) when the location has fewer units available than the order takes.
     */
    @Transactional
    public List<Allocation> handOver(UUID orderId, String locationCode, List<Demand> demands) {
        Map<String, Integer> wanted = new java.util.TreeMap<>();
        demands.forEach(demand -> wanted.merge(demand.sku(), demand.quantity(), Integer::sum));
        Map<String, Map<String, Integer>> available = lockAvailable(wanted.keySet());
        wanted.forEach((sku, quantity) -> {
            if (availableAt(available, locationCode, sku) < quantity) {
                throw new IllegalStateException("Order " + orderId + " takes " + quantity + " × " + sku
                        + " at " + locationCode + ", which has "
                        + availableAt(available, locationCode, sku) + " available");
            }
        });
        wanted.forEach((sku, quantity) -> jdbc.sql(
                        "update inventory.stock_levels set on_hand = on_hand - ? where location_code = ? and sku = ?")
                .params(quantity, locationCode, sku)
                .update());
        return demands.stream()
                .map(demand -> new Allocation(demand.orderLineId(), demand.sku(), locationCode, demand.quantity(), 0))
                .toList();
    }

    /** Returned units go back on the shelf at a location: they add to its on-hand stock. */
    @Transactional
    public void restock(String locationCode, String sku, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("Quantity to restock must be positive, got " + quantity);
        }
        jdbc.sql(
                        """
                        insert into inventory.stock_levels (location_code, sku, on_hand) values (?, ?, ?)
                        on conflict (location_code, sku) do update set on_hand = inventory.stock_levels.on_hand + excluded.on_hand
                        """)
                .params(locationCode, sku, quantity)
                .update();
    }

    private List<Allocation> allocate(UUID orderId, List<Demand> demands, List<String> preferred) {
        List<Location> locations = locations();
        if (locations.isEmpty()) {
            throw new IllegalStateException("No active stock location is defined");
        }
        Map<String, Map<String, Integer>> available =
                lockAvailable(demands.stream().map(Demand::sku).toList());
        Comparator<Location> order = Comparator.<Location>comparingInt(l -> preferred.contains(l.code()) ? 0 : 1)
                .thenComparingInt(Location::priority)
                .thenComparing(Location::code);
        List<Location> ranked = locations.stream().sorted(order).toList();

        List<Allocation> allocations = new ArrayList<>();
        Optional<Location> single = ranked.stream()
                .filter(location -> demands.stream()
                        .allMatch(d -> availableAt(available, location.code(), d.sku()) >= d.quantity()))
                .findFirst();
        if (single.isPresent()) {
            for (Demand demand : demands) {
                allocations.add(new Allocation(
                        demand.orderLineId(), demand.sku(), single.get().code(), demand.quantity(), 0));
            }
        } else {
            Location backorderAt = ranked.stream()
                    .filter(l -> l.kind() == Location.Kind.WAREHOUSE)
                    .findFirst()
                    .orElse(ranked.getFirst());
            for (Demand demand : demands) {
                int remaining = demand.quantity();
                for (Location location : ranked) {
                    int take = Math.min(remaining, availableAt(available, location.code(), demand.sku()));
                    if (take > 0) {
                        allocations.add(new Allocation(demand.orderLineId(), demand.sku(), location.code(), take, 0));
                        available.get(location.code()).merge(demand.sku(), -take, Integer::sum);
                        remaining -= take;
                    }
                    if (remaining == 0) {
                        break;
                    }
                }
                if (remaining > 0) {
                    allocations.add(new Allocation(
                            demand.orderLineId(), demand.sku(), backorderAt.code(), remaining, remaining));
                }
            }
        }
        reserve(orderId, merge(allocations));
        return merge(allocations);
    }

    /** Locks the stock rows of these SKUs everywhere (in a fixed order) and returns what is available. */
    private Map<String, Map<String, Integer>> lockAvailable(Collection<String> skus) {
        Map<String, Map<String, Integer>> available = new HashMap<>();
        jdbc.sql(
                        """
                        select location_code, sku, on_hand - reserved as available from inventory.stock_levels
                        where sku = any(?) order by location_code, sku for update
                        """)
                .param(skus.stream().distinct().sorted().toArray(String[]::new))
                .query((rs, row) -> available
                        .computeIfAbsent(rs.getString("location_code"), code -> new HashMap<>())
                        .put(rs.getString("sku"), rs.getInt("available")))
                .list();
        return available;
    }

    private static int availableAt(Map<String, Map<String, Integer>> available, String location, String sku) {
        return Math.max(0, available.getOrDefault(location, Map.of()).getOrDefault(sku, 0));
    }

    /** One allocation per line and location (a line split over two passes at one location is one). */
    private static List<Allocation> merge(List<Allocation> allocations) {
        Map<String, Allocation> merged = new java.util.LinkedHashMap<>();
        for (Allocation a : allocations) {
            merged.merge(
                    a.orderLineId() + "@" + a.locationCode(),
                    a,
                    (x, y) -> new Allocation(
                            x.orderLineId(),
                            x.sku(),
                            x.locationCode(),
                            x.quantity() + y.quantity(),
                            x.backordered() + y.backordered()));
        }
        return List.copyOf(merged.values());
    }

    /**
     * One statement whatever the number of lines: the reservations, and the stock they hold (rows in
     * key order, so that concurrent orders creating stock rows cannot deadlock).
     */
    private void reserve(UUID orderId, List<Allocation> allocations) {
        UUID[] lines = allocations.stream().map(Allocation::orderLineId).toArray(UUID[]::new);
        String[] locations = allocations.stream().map(Allocation::locationCode).toArray(String[]::new);
        String[] skus = allocations.stream().map(Allocation::sku).toArray(String[]::new);
        Integer[] quantities = allocations.stream().map(Allocation::quantity).toArray(Integer[]::new);
        jdbc.sql(
                        """
                        with allocation (order_line_id, location_code, sku, quantity) as (
                            select * from unnest(:lines::uuid[], :locations::text[], :skus::text[], :quantities::int[])
                        ), reservation as (
                            insert into inventory.reservations (order_id, order_line_id, location_code, sku, quantity)
                            select :order, order_line_id, location_code, sku, quantity from allocation
                        )
                        insert into inventory.stock_levels (location_code, sku, on_hand, reserved)
                        select location_code, sku, 0, sum(quantity) from allocation
                        group by location_code, sku order by location_code, sku
                        on conflict (location_code, sku) do update set reserved = inventory.stock_levels.reserved + excluded.reserved
                        """)
                .param("order", orderId)
                .param("lines", lines)
                .param("locations", locations)
                .param("skus", skus)
                .param("quantities", quantities)
                .update();
    }
}
