package org.aftercart.orders;

import org.springframework.http.HttpStatus;

public class OrderNotFound extends OrderProblem {

    public OrderNotFound(String reference) {
        super(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", "No order " + reference);
    }
}
