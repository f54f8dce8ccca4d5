package org.aftercart.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.CustomerProfile;
import org.aftercart.customers.CustomerSearchPage;
import org.aftercart.customers.Customers;
import org.aftercart.orders.CustomerOrderStats;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.aftercart.orders.OrderView;
import org.aftercart.returns.ReturnView;
import org.aftercart.returns.Returns;
import org.aftercart.tracking.ShipmentView;
import org.aftercart.tracking.Tracking;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The console's one search box for customers: each module answers for its own key through its API
 * (customers by name, e-mail or phone; orders by number; tracking by tracking number; returns by
 * number), and the customers found by an exact number come first.
 */
@Component
class CustomerFinder {

    static final int PAGE_SIZE = 20;

    /**
     * One customer found.
     *
     * @param matchedBy the exact number that found them, or null when found by name, e-mail or phone
     * @param orders how many orders and the latest; null when they have none
     */
    record Hit(CustomerProfile customer, @Nullable Match matchedBy, @Nullable CustomerOrderStats orders) {}

    /** @param key {@code order}, {@code tracking} or {@code return} */
    record Match(String key, String number) {}

    record Result(String query, List<Hit> hits, int page, boolean hasNext) {

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private final Customers customers;
    private final OrderManagement orders;
    private final Tracking tracking;
    private final Returns returns;

    CustomerFinder(Customers customers, OrderManagement orders, Tracking tracking, Returns returns) {
        this.customers = customers;
        this.orders = orders;
        this.tracking = tracking;
        this.returns = returns;
    }

    Result find(String query, int page) {
        String term = query.strip();
        int pageNumber = Math.max(page, 0);
        if (term.isEmpty()) {
            return new Result(term, List.of(), 0, false);
        }
        Map<CustomerId, Match> exact = pageNumber == 0 ? byNumber(term) : Map.of();
        CustomerSearchPage found = customers.search(term, pageNumber, PAGE_SIZE);
        Map<CustomerId, CustomerProfile> profiles = new LinkedHashMap<>();
        customers.findAll(exact.keySet()).forEach(profile -> profiles.put(profile.id(), profile));
        List<CustomerProfile> ordered = new ArrayList<>();
        exact.keySet().stream()
                .map(profiles::get)
                .filter(java.util.Objects::nonNull)
                .forEach(ordered::add);
        found.customers().stream()
                .filter(profile -> !exact.containsKey(profile.id()))
                .forEach(ordered::add);
        Map<CustomerId, CustomerOrderStats> stats = orders.statsOfCustomers(
                ordered.stream().map(CustomerProfile::id).toList());
        List<Hit> hits = ordered.stream()
                .map(profile -> new Hit(profile, exact.get(profile.id()), stats.get(profile.id())))
                .toList();
        return new Result(term, hits, pageNumber, found.hasNext());
    }

    /** The customers an order, tracking or return number names exactly, with what named them. */
    private Map<CustomerId, Match> byNumber(String term) {
        Map<CustomerId, Match> found = new LinkedHashMap<>();
        // Order numbers are upper case (AC-100001); staff type them as they come.
        orders.findByNumber(term)
                .or(() -> orders.findByNumber(term.toUpperCase(java.util.Locale.ROOT)))
                .ifPresent(order -> customerOf(order)
                        .ifPresent(customer -> found.putIfAbsent(customer, new Match("order", order.number()))));
        for (ShipmentView parcel : tracking.shipmentsByTrackingNumber(term)) {
            orders.find(new OrderId(parcel.orderId()))
                    .flatMap(CustomerFinder::customerOf)
                    .ifPresent(customer -> found.putIfAbsent(
                            customer, new Match("tracking", String.valueOf(parcel.trackingNumber()))));
        }
        returns.findByNumber(term)
                .filter(request -> request.customerId() != null)
                .ifPresent(request -> found.putIfAbsent(customerOf(request), new Match("return", request.number())));
        return found;
    }

    private static Optional<CustomerId> customerOf(OrderView order) {
        return Optional.ofNullable(order.customerId()).map(CustomerId::of);
    }

    private static CustomerId customerOf(ReturnView request) {
        return new CustomerId(java.util.Objects.requireNonNull(request.customerId()));
    }
}
