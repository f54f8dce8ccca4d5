package org.aftercart.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.aftercart.customers.CustomerId;
import org.aftercart.customers.Customers;
import org.aftercart.orders.OrderId;
import org.aftercart.orders.OrderManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry (Spring Modulith's transactional outbox) keeps every event it
 * delivered, serialised, and events such as a return's carry the customer's e-mail and comments. No
 * module owns that table, so erasure deletes the completed publications that mention the customer,
 * their address or one of their orders; one still being delivered must finish first, as its listener needs it.
 */
@Component
class EventPublications {

    /** How the erasure record names this part. */
    static final String SECTION = "event-publications";

    private final JdbcClient jdbc;
    private final OrderManagement orders;
    private final Customers customers;

    EventPublications(JdbcClient jdbc, OrderManagement orders, Customers customers) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.customers = customers;
    }

    List<String> inFlight(CustomerId customer) {
        long pending = jdbc.sql(
                        """
                        select count(*) from event_publication
                        where completion_date is null and serialized_event like any(?)
                        """)
                .param(patterns(customer))
                .query(Long.class)
                .single();
        return pending == 0
                ? List.of()
                : List.of(pending + " event(s) about the customer are still being delivered inside Aftercart;"
                        + " try again in a minute.");
    }

    /** Deletes the completed publications found by {@link #patterns}, taken before the erasure. */
    void forget(String[] patterns) {
        jdbc.sql(
                        """
                        delete from event_publication
                        where completion_date is not null and serialized_event like any(?)
                        """)
                .param(patterns)
                .update();
    }

    /**
     * Events name the customer or their orders by id, or the customer by address (a gift card sent to
     * them), as text in their JSON.
     */
    String[] patterns(CustomerId customer) {
        List<String> ids = new ArrayList<>();
        ids.add(customer.toString());
        customers.find(customer).ifPresent(profile -> Stream.of(profile.email(), profile.phone())
                .filter(Objects::nonNull)
                .forEach(ids::add));
        orders.idsOfCustomer(customer).stream().map(OrderId::toString).forEach(ids::add);
        return ids.stream().map(id -> "%" + id + "%").toArray(String[]::new);
    }
}
