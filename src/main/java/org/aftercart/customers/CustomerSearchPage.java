package org.aftercart.customers;

import java.util.List;

/**
 * One page of a customer search.
 *
 * @param page zero-based
 * @param hasNext whether a further page holds at least one more customer
 */
public record CustomerSearchPage(List<CustomerProfile> customers, int page, int size, boolean hasNext) {

    public CustomerSearchPage {
        customers = List.copyOf(customers);
    }
}
