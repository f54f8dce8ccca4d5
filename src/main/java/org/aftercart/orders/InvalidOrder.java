package org.aftercart.orders;

import org.springframework.http.HttpStatus;

/** A well-formed request that breaks an order rule: unknown SKU, bad quantity, currency mismatch. */
public class InvalidOrder extends OrderProblem {

    public InvalidOrder(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-order", "The order cannot be accepted", detail);
    }
}
