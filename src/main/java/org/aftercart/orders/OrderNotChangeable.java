package org.aftercart.orders;

import org.springframework.http.HttpStatus;

/** A change or cancellation asked for after the edit window closed (packing started, shipped…). */
public class OrderNotChangeable extends OrderProblem {

    public OrderNotChangeable(String orderNumber, String reason) {
        super(
                HttpStatus.CONFLICT,
                "order-not-changeable",
                "Order can no longer be changed",
                "Order " + orderNumber + " can no longer be changed: " + reason);
    }
}
