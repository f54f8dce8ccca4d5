package org.aftercart.fulfillment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aftercart.inventory.Allocation;
import org.aftercart.inventory.Demand;
import org.aftercart.inventory.Inventory;
import org.aftercart.orders.OrderCancelled;
import org.aftercart.orders.OrderChanged;
import org.aftercart.orders.OrderLineSnapshot;
import org.aftercart.orders.OrderPlaced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps stock reservations and fulfilment orders in step with the order, in the order's own
 * transaction (a plain {@link EventListener}, not an after-commit one): an order is never committed
 * without its reservations, and a change that loses the race against packing rolls back whole.
 */
@Component
class OrderAllocation {

    private final Inventory inventory;
    private final FulfillmentOrderRepository fulfillmentOrders;
    private final FulfillmentSettings settings;
    private final Clock clock;

    OrderAllocation(
            Inventory inventory,
            FulfillmentOrderRepository fulfillmentOrders,
            FulfillmentSettings settings,
            Clock clock) {
        this.inventory = inventory;
        this.fulfillmentOrders = fulfillmentOrders;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * An order handed over at a counter takes its units off that location's shelf at once and gets
     * no fulfilment order: nothing waits in a hold window, nothing is released to a warehouse.
     */
    @EventListener
    void on(OrderPlaced event) {
        if (event.handedOverAt() != null) {
            inventory.handOver(event.orderId().id(), event.handedOverAt(), demands(event.lines()));
            return;
        }
        List<Allocation> allocations = inventory.allocate(event.orderId().id(), demands(event.lines()));
        Instant holdUntil = event.placedAt().plus(settings.holdWindow());
        syncFulfillmentOrders(event.orderId().id(), event.number(), allocations, holdUntil, List.of());
    }

    @EventListener
    void on(OrderChanged event) {
        List<Allocation> allocations = inventory.reallocate(event.orderId().id(), demands(event.lines()));
        List<FulfillmentOrderView> current =
                fulfillmentOrders.ofOrder(event.orderId().id());
        Instant holdUntil = current.stream()
                .map(FulfillmentOrderView::holdUntil)
                .min(Instant::compareTo)
                .orElse(clock.instant().plus(settings.holdWindow()));
        syncFulfillmentOrders(event.orderId().id(), event.number(), allocations, holdUntil, current);
    }

    @EventListener
    void on(OrderCancelled event) {
        inventory.release(event.orderId().id());
        for (FulfillmentOrderView fulfillmentOrder :
                fulfillmentOrders.ofOrder(event.orderId().id())) {
            fulfillmentOrders.transition(
                    fulfillmentOrder.id(),
                    List.of(FulfillmentStatus.ON_HOLD, FulfillmentStatus.RELEASED, FulfillmentStatus.PICKING),
                    FulfillmentStatus.CANCELLED,
                    clock.instant());
        }
    }

    private static List<Demand> demands(List<OrderLineSnapshot> lines) {
        return lines.stream()
                .filter(line -> line.unshipped() > 0)
                .map(line -> new Demand(line.lineId(), line.sku(), line.unshipped()))
                .toList();
    }

    /**
     * One fulfilment order per location with its lines; locations no longer used are cancelled.
     *
     * @param current the order's fulfilment orders before this change (none for a new order)
     */
    private void syncFulfillmentOrders(
            UUID orderId,
            String orderNumber,
            List<Allocation> allocations,
            Instant holdUntil,
            List<FulfillmentOrderView> current) {
        Map<String, Map<UUID, FulfillmentOrderRepository.LineQuantity>> byLocation = new LinkedHashMap<>();
        for (Allocation allocation : allocations) {
            byLocation
                    .computeIfAbsent(allocation.locationCode(), code -> new LinkedHashMap<>())
                    .merge(
                            allocation.orderLineId(),
                            new FulfillmentOrderRepository.LineQuantity(allocation.sku(), allocation.quantity()),
                            (a, b) ->
                                    new FulfillmentOrderRepository.LineQuantity(a.sku(), a.quantity() + b.quantity()));
        }
        Map<String, FulfillmentOrderView> existing = new LinkedHashMap<>();
        current.forEach(fo -> existing.put(fo.locationCode(), fo));
        Instant now = clock.instant();
        byLocation.forEach((location, lines) -> {
            FulfillmentOrderView previous = existing.remove(location);
            if (previous == null) {
                FulfillmentStatus status =
                        holdUntil.isAfter(now) ? FulfillmentStatus.ON_HOLD : FulfillmentStatus.RELEASED;
                // Counted from the purchase, as the hold window is: holdUntil is purchase + hold window.
                Instant shipBy = holdUntil.minus(settings.holdWindow()).plus(settings.shipWithin());
                fulfillmentOrders.insert(
                        UUID.randomUUID(), orderId, orderNumber, location, status, holdUntil, shipBy, now, lines);
            } else {
                if (previous.status() == FulfillmentStatus.CANCELLED) {
                    fulfillmentOrders.transition(
                            previous.id(), List.of(FulfillmentStatus.CANCELLED), FulfillmentStatus.RELEASED, now);
                }
                fulfillmentOrders.replaceLines(previous.id(), lines);
            }
        });
        existing.values()
                .forEach(unused -> fulfillmentOrders.transition(
                        unused.id(),
                        List.of(FulfillmentStatus.ON_HOLD, FulfillmentStatus.RELEASED, FulfillmentStatus.PICKING),
                        FulfillmentStatus.CANCELLED,
                        now));
    }
}
