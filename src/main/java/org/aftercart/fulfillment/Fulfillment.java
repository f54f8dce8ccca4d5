package org.aftercart.fulfillment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fulfillment module's API: what a warehouse system, a 3PL or the console drives. Starting to
 * pack closes the order's edit window in the same transaction, so a change and the start of packing
 * cannot both win.
 */
@Service
public class Fulfillment {

    private static final int ATTEMPTS = 3;
    private static final List<FulfillmentStatus> SHIPPABLE =
            List.of(FulfillmentStatus.RELEASED, FulfillmentStatus.PICKING, FulfillmentStatus.PACKING);
    /** A sales channel may ship from any open step, even inside the hold window. */
    private static final List<FulfillmentStatus> OPEN = List.of(
            FulfillmentStatus.ON_HOLD,
            FulfillmentStatus.RELEASED,
            FulfillmentStatus.PICKING,
            FulfillmentStatus.PACKING);

    private final FulfillmentOrderRepository fulfillmentOrders;
    private final OrderManagement orders;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ShippingFigures figures;

    Fulfillment(
            FulfillmentOrderRepository fulfillmentOrders,
            ShippingFigures figures,
            OrderManagement orders,
            Inventory inventory,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.fulfillmentOrders = fulfillmentOrders;
        this.figures = figures;
        this.orders = orders;
        this.inventory = inventory;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public FulfillmentOrderView find(UUID id) {
        return fulfillmentOrders.find(id, false).orElseThrow(() -> FulfillmentProblem.notFound(id));
    }

    public List<FulfillmentOrderView> ofOrder(OrderId orderId) {
        return fulfillmentOrders.ofOrder(orderId.id());
    }

    public List<ParcelView> parcelsOf(OrderId orderId) {
        return fulfillmentOrders.parcelsOf(orderId.id());
    }

    /** The work queue of a location (or all), oldest first. */
    public List<FulfillmentOrderView> queue(
            @Nullable String locationCode, @Nullable FulfillmentStatus status, int limit) {
        return fulfillmentOrders.queue(locationCode, status, Math.min(Math.max(limit, 1), 500));
    }

    /**
     * Fulfilment orders still open after their ship-by time (the purchase plus {@code
     * aftercart.fulfillment.ship-within}), most overdue first.
     */
    public List<LateShipment> notShippedInTime(int page, int size) {
        int limit = Math.min(Math.max(size, 1), 500);
        return figures.late(clock.instant(), Math.max(page, 0) * limit, limit);
    }

    /**
     * One fulfilment order as the list of {@link #notShippedInTime} shows it, whatever its status now,
     * so that a list can show a row's new state after an action on it; empty for an unknown id.
     */
    public Optional<LateShipment> lateShipment(UUID fulfillmentOrderId) {
        return figures.shipment(fulfillmentOrderId);
    }

    public long countNotShippedInTime() {
        return figures.countLate(clock.instant());
    }

    /**
     * Per day in {@code zone} within [from, to), the orders whose shipping was decided that day and
     * how many left by their ship-by time ({@link ShippingOnTime}); days without any are left out.
     */
    public List<ShippingOnTime> shippingOnTime(Instant from, Instant to, ZoneId zone) {
        return figures.onTime(from, to, zone);
    }

    /** Releases to the warehouse before the hold window ends (e.g. an agent ships a rush order). */
    public FulfillmentOrderView release(UUID id) {
        return step(id, List.of(FulfillmentStatus.ON_HOLD), FulfillmentStatus.RELEASED, null);
    }

    public FulfillmentOrderView startPicking(UUID id) {
        return step(id, List.of(FulfillmentStatus.RELEASED), FulfillmentStatus.PICKING, null);
    }

    /** Starts packing and closes the order's edit window; refused while on hold or once shipped. */
    public FulfillmentOrderView startPacking(UUID id, String actor) {
        return step(
                id, List.of(FulfillmentStatus.RELEASED, FulfillmentStatus.PICKING), FulfillmentStatus.PACKING, actor);
    }

    /**
     * Records the parcels that left for one fulfilment order: items move to shipped on the order,
     * leave the location's stock, and each parcel publishes {@link ParcelShipped}. The fulfilment
     * order is shipped when nothing is left on it.
     */
    public List<ParcelView> ship(UUID id, ShipParcels shipment, String actor) {
        if (shipment.parcels().isEmpty()) {
            throw FulfillmentProblem.invalidShipment("Send at least one parcel");
        }
        return retrying(() -> {
            FulfillmentOrderView fo =
                    fulfillmentOrders.find(id, true).orElseThrow(() -> FulfillmentProblem.notFound(id));
            if (!SHIPPABLE.contains(fo.status())) {
                throw FulfillmentProblem.stepRefused(
                        "Fulfilment order " + id + " is " + fo.status() + " and cannot ship"
                                + (fo.status() == FulfillmentStatus.ON_HOLD ? " until it is released" : ""));
            }
            orders.startPacking(new OrderId(fo.orderId()), actor);
            Map<UUID, FulfillmentOrderView.Line> lines =
                    fo.lines().stream().collect(Collectors.toMap(FulfillmentOrderView.Line::orderLineId, l -> l));
            Map<UUID, Integer> shippedNow = new HashMap<>();
            for (ShipParcels.Parcel parcel : shipment.parcels()) {
                if (parcel.items().isEmpty()) {
                    throw FulfillmentProblem.invalidShipment("A parcel must hold at least one item");
                }
                for (ShipParcels.Item item : parcel.items()) {
                    FulfillmentOrderView.Line line = lines.get(item.orderLineId());
                    if (line == null) {
                        throw FulfillmentProblem.invalidShipment(
                                "Line " + item.orderLineId() + " is not on fulfilment order " + id);
                    }
                    if (item.quantity() <= 0) {
                        throw FulfillmentProblem.invalidShipment("Quantities must be at least 1");
                    }
                    int total = shippedNow.merge(item.orderLineId(), item.quantity(), Integer::sum);
                    if (line.shipped() + total > line.quantity()) {
                        throw FulfillmentProblem.invalidShipment("Line " + line.sku() + " has "
                                + (line.quantity() - line.shipped()) + " unit(s) left to ship, not " + total);
                    }
                }
            }
            Instant now = clock.instant();
            List<ParcelView> parcels = shipment.parcels().stream()
                    .map(parcel -> new ParcelView(
                            UUID.randomUUID(),
                            fo.orderId(),
                            fo.id(),
                            parcel.carrier(),
                            parcel.service(),
                            parcel.trackingNumber(),
                            now,
                            parcel.items().stream()
                                    .map(item -> new ParcelView.Item(
                                            item.orderLineId(),
                                            lines.get(item.orderLineId()).sku(),
                                            item.quantity()))
                                    .toList()))
                    .toList();
            for (ParcelView parcel : parcels) {
                fulfillmentOrders.insertParcel(parcel, null);
            }
            takeFromLocation(fo, shippedNow, SHIPPABLE, now);
            orders.recordShipment(
                    new OrderId(fo.orderId()),
                    shippedNow,
                    parcels.size() + " parcel(s) shipped from " + fo.locationCode() + ": "
                            + parcels.stream()
                                    .map(p ->
                                            p.carrier() + (p.trackingNumber() == null ? "" : " " + p.trackingNumber()))
                                    .collect(Collectors.joining(", ")),
                    actor);
            for (ParcelView parcel : parcels) {
                events.publishEvent(new ParcelShipped(
                        parcel.id(),
                        fo.orderId(),
                        fo.orderNumber(),
                        fo.locationCode(),
                        parcel.carrier(),
                        parcel.service(),
                        parcel.trackingNumber(),
                        parcel.items(),
                        now));
            }
            return parcels;
        });
    }

    /**
     * Records a parcel that a sales channel shipped itself (e.g. a Shopify fulfilment): the units
     * are taken from the order's open fulfilment orders, leave their locations' stock, and move to
     * shipped on the order. Recorded once per {@code externalRef}; a repeat is ignored.
     *
     * @return the parcel, or empty when this external reference was recorded before
     */
    public Optional<ParcelView> recordChannelShipment(
            OrderId orderId,
            String externalRef,
            String carrier,
            @Nullable String trackingNumber,
            Map<UUID, Integer> quantitiesByLine,
            String actor) {
        return retrying(() -> {
            if (fulfillmentOrders.parcelExists(externalRef)) {
                return Optional.<ParcelView>empty();
            }
            orders.startPacking(orderId, actor);
            Instant now = clock.instant();
            List<FulfillmentOrderView> open = fulfillmentOrders.ofOrder(orderId.id()).stream()
                    .filter(fo -> OPEN.contains(fo.status()))
                    .toList();
            List<ParcelView.Item> items = new ArrayList<>();
            Map<UUID, Map<UUID, Integer>> takenByFulfillmentOrder = new LinkedHashMap<>();
            quantitiesByLine.forEach((lineId, quantity) -> {
                int remaining = quantity;
                String sku = null;
                for (FulfillmentOrderView fo : open) {
                    for (FulfillmentOrderView.Line line : fo.lines()) {
                        if (line.orderLineId().equals(lineId) && remaining > 0) {
                            int take = Math.min(remaining, line.quantity() - line.shipped());
                            if (take > 0) {
                                takenByFulfillmentOrder
                                        .computeIfAbsent(fo.id(), k -> new HashMap<>())
                                        .merge(lineId, take, Integer::sum);
                                remaining -= take;
                                sku = line.sku();
                            }
                        }
                    }
                }
                if (remaining > 0 || sku == null) {
                    throw FulfillmentProblem.invalidShipment(
                            "Line " + lineId + " of the order has fewer than " + quantity + " unit(s) left to ship");
                }
                items.add(new ParcelView.Item(lineId, sku, quantity));
            });
            UUID fulfillmentOrderId = takenByFulfillmentOrder.size() == 1
                    ? takenByFulfillmentOrder.keySet().iterator().next()
                    : null;
            ParcelView parcel = new ParcelView(
                    UUID.randomUUID(), orderId.id(), fulfillmentOrderId, carrier, null, trackingNumber, now, items);
            fulfillmentOrders.insertParcel(parcel, externalRef);
            String locations = String.join(
                    ", ",
                    open.stream()
                            .filter(fo -> takenByFulfillmentOrder.containsKey(fo.id()))
                            .map(FulfillmentOrderView::locationCode)
                            .toList());
            for (FulfillmentOrderView fo : open) {
                Map<UUID, Integer> taken = takenByFulfillmentOrder.get(fo.id());
                if (taken != null) {
                    takeFromLocation(fo, taken, OPEN, now);
                }
            }
            orders.recordShipment(
                    orderId,
                    quantitiesByLine,
                    "Shipped by the sales channel with " + carrier
                            + (trackingNumber == null ? "" : " " + trackingNumber),
                    actor);
            String orderNumber = open.isEmpty() ? "" : open.getFirst().orderNumber();
            events.publishEvent(new ParcelShipped(
                    parcel.id(), orderId.id(), orderNumber, locations, carrier, null, trackingNumber, items, now));
            return Optional.of(parcel);
        });
    }

    /**
     * Units of one fulfilment order left its location: they count as shipped there and leave its
     * stock; the fulfilment order is shipped once nothing is left on it.
     */
    private void takeFromLocation(
            FulfillmentOrderView fo, Map<UUID, Integer> shipped, List<FulfillmentStatus> from, Instant now) {
        shipped.forEach((lineId, quantity) -> {
            fulfillmentOrders.addShipped(fo.id(), lineId, quantity);
            inventory.consume(lineId, fo.locationCode(), quantity);
        });
        boolean complete = fo.lines().stream()
                .allMatch(line -> line.shipped() + shipped.getOrDefault(line.orderLineId(), 0) == line.quantity());
        fulfillmentOrders.transition(
                fo.id(), from, complete ? FulfillmentStatus.SHIPPED : FulfillmentStatus.PACKING, now);
    }

    private FulfillmentOrderView step(
            UUID id, List<FulfillmentStatus> from, FulfillmentStatus to, @Nullable String actor) {
        return retrying(() -> {
            FulfillmentOrderView fo =
                    fulfillmentOrders.find(id, false).orElseThrow(() -> FulfillmentProblem.notFound(id));
            if (fo.status() == to) {
                return fo;
            }
            if (!from.contains(fo.status())) {
                throw FulfillmentProblem.stepRefused(
                        "Fulfilment order " + id + " is " + fo.status() + "; " + to + " needs " + from);
            }
            if (to == FulfillmentStatus.PACKING) {
                orders.startPacking(new OrderId(fo.orderId()), actor == null ? "fulfillment" : actor);
            }
            if (!fulfillmentOrders.transition(id, from, to, clock.instant())) {
                throw new OptimisticLockingFailureException("Fulfilment order " + id + " moved meanwhile");
            }
            return fulfillmentOrders.find(id, false).orElseThrow();
        });
    }

    /** Runs in a transaction, again on fresh state when a concurrent change won the race. */
    private <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw FulfillmentProblem.stepRefused("The order changed meanwhile; try again");
                }
            }
        }
    }
}
