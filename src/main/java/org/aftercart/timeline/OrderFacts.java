package org.aftercart.timeline;

import java.time.Clock;
import org.aftercart.orders.OrderCancelled;
import org.aftercart.orders.OrderChanged;
import org.aftercart.orders.OrderPlaced;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Orders placed, changed and cancelled, on their customer's timeline. */
@Component
class OrderFacts {

    private final TimelineRecorder recorder;
    private final Clock clock;

    OrderFacts(TimelineRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        recorder.record(
                "order:" + placed.orderId().id() + ":placed",
                placed.customerId() == null ? null : java.util.UUID.fromString(placed.customerId()),
                placed.orderId().id(),
                "order.placed",
                "Order " + placed.number() + " placed ("
                        + placed.channel().name().toLowerCase(java.util.Locale.ROOT) + "), " + placed.total() + ", "
                        + placed.lines().size() + " line(s)",
                TimelineRecorder.order(placed.orderId().id()),
                placed.placedAt());
    }

    // The change events carry no time: the entry takes the time it is recorded, moments after the
    // change committed.
    @ApplicationModuleListener
    void on(OrderChanged changed) {
        recorder.record(
                "order:" + changed.orderId().id() + ":v" + changed.version(),
                null,
                changed.orderId().id(),
                "order.changed",
                "Order " + changed.number() + " changed: " + changed.description(),
                TimelineRecorder.order(changed.orderId().id()),
                clock.instant());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        recorder.record(
                "order:" + cancelled.orderId().id() + ":v" + cancelled.version() + ":cancelled",
                null,
                cancelled.orderId().id(),
                "order.cancelled",
                "Order " + cancelled.number() + " cancelled: " + cancelled.reason(),
                TimelineRecorder.order(cancelled.orderId().id()),
                clock.instant());
    }
}
