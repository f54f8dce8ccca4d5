package org.aftercart.customers;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class CustomerNotFound extends Problem {

    public CustomerNotFound(CustomerId id) {
        super(HttpStatus.NOT_FOUND, "customer-not-found", "Customer not found", "No customer has the id " + id + ".");
    }
}
