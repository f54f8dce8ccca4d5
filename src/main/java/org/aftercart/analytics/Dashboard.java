package org.aftercart.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aftercart.conversations.Conversations;
import org.aftercart.fulfillment.Fulfillment;
import org.aftercart.fulfillment.ShippingOnTime;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrdersOnDay;
import org.aftercart.returns.ReturnFigures;
import org.aftercart.returns.Returns;
import org.aftercart.tracking.DeliveryOnPromise;
import org.aftercart.tracking.Tracking;
import org.aftercart.tracking.TrackingPageVisits;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Puts the dashboard together from the figures each module computes on its own schema, with one
 * aggregate query each: orders per day, shipped on time, delivered on promise, tracking page
 * visits, returns with their reasons and outcomes. Days are counted in the time zone of the
 * delivery promises, so that "on promise" and the day it falls on agree.
 */
@Service
public class Dashboard {

    /** The periods the dashboard offers, in days. */
    public static final List<Integer> PERIODS = List.of(7, 30, 90);

    static final int TOP_REASONS = 5;

    private final OrderManagement orders;
    private final Fulfillment fulfillment;
    private final Tracking tracking;
    private final Returns returns;
    private final Conversations conversations;
    private final ZoneId zone;
    private final Clock clock;

    Dashboard(
            OrderManagement orders,
            Fulfillment fulfillment,
            Tracking tracking,
            Returns returns,
            Conversations conversations,
            @Value("${aftercart.tracking.promises.time-zone:UTC}") ZoneId zone,
            Clock clock) {
        this.orders = orders;
        this.fulfillment = fulfillment;
        this.tracking = tracking;
        this.returns = returns;
        this.conversations = conversations;
        this.zone = zone;
        this.clock = clock;
    }

    /** The last {@code days} days, today included. */
    public DashboardFigures lastDays(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return between(today.minusDays(days - 1L), today);
    }

    /** The days {@code first} to {@code last}, both included, in the dashboard's time zone. */
    public DashboardFigures between(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("The period ends before it starts");
        }
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();

        Map<LocalDate, OrdersOnDay> placed = byDay(orders.ordersPerDay(from, to, zone), OrdersOnDay::day);
        Map<LocalDate, ShippingOnTime> shipped = byDay(fulfillment.shippingOnTime(from, to, zone), ShippingOnTime::day);
        Map<LocalDate, DeliveryOnPromise> delivered =
                byDay(tracking.deliveredOnPromise(from, to), DeliveryOnPromise::day);

        List<DashboardDay> days = new ArrayList<>();
        long orderCount = 0;
        long due = 0;
        long onTime = 0;
        long deliveredCount = 0;
        long onPromise = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            OrdersOnDay o = placed.get(day);
            ShippingOnTime s = shipped.get(day);
            DeliveryOnPromise d = delivered.get(day);
            long dayOrders = o == null ? 0 : o.orders();
            Share dayShipped = s == null ? new Share(0, 0) : new Share(s.shippedOnTime(), s.due());
            Share dayDelivered = d == null ? new Share(0, 0) : new Share(d.onPromise(), d.delivered());
            days.add(new DashboardDay(day, dayOrders, dayShipped, dayDelivered));
            orderCount += dayOrders;
            due += dayShipped.of();
            onTime += dayShipped.count();
            deliveredCount += dayDelivered.of();
            onPromise += dayDelivered.count();
        }
        TrackingPageVisits visits = tracking.pageVisits(from, to);
        ReturnFigures returned = returns.figures(from, to, TOP_REASONS);
        return new DashboardFigures(
                first,
                last,
                days,
                orderCount,
                new Share(onTime, due),
                new Share(onPromise, deliveredCount),
                visits.orders(),
                visits.visits(),
                whereIsMyOrderContacts(from, to),
                new Share(returned.returns(), orderCount),
                returned);
    }

    /** Inbound "where is my order" contacts in the period, as the conversations module counts them (ADR 24). */
    private @Nullable Long whereIsMyOrderContacts(Instant from, Instant to) {
        return conversations.whereIsMyOrderContacts(from, to);
    }

    private static <T> Map<LocalDate, T> byDay(List<T> rows, Function<T, LocalDate> day) {
        return rows.stream().collect(Collectors.toMap(day, Function.identity()));
    }
}
