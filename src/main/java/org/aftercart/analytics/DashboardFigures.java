package org.aftercart.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.aftercart.returns.ReturnFigures;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard over the days {@code first} to {@code last}, both included.
 *
 * @param days every day of the period, in order, with zeros where nothing happened
 * @param trackedOrders orders with a parcel shipped in the period
 * @param trackingPageVisits visits of their tracking pages
 * @param whereIsMyOrderContacts "where is my order" contacts in the period; {@code null} while not
 *     measured (the conversations module counts them)
 * @param returnRate returns requested in the period against orders placed in it
 */
public record DashboardFigures(
        LocalDate first,
        LocalDate last,
        List<DashboardDay> days,
        long orders,
        Share shippedOnTime,
        Share deliveredOnPromise,
        long trackedOrders,
        long trackingPageVisits,
        @Nullable Long whereIsMyOrderContacts,
        Share returnRate,
        ReturnFigures returns) {

    public DashboardFigures {
        days = List.copyOf(days);
    }

    /** Tracking page visits per order shipped, two decimals; {@code null} when nothing shipped. */
    public @Nullable BigDecimal visitsPerTrackedOrder() {
        return trackedOrders == 0
                ? null
                : BigDecimal.valueOf(trackingPageVisits)
                        .divide(BigDecimal.valueOf(trackedOrders), 2, RoundingMode.HALF_UP);
    }

    /** "Where is my order" contacts per 100 orders placed; {@code null} while not measured or without orders. */
    public @Nullable BigDecimal whereIsMyOrderPer100Orders() {
        return whereIsMyOrderContacts == null ? null : new Share(whereIsMyOrderContacts, orders).per(100);
    }
}
