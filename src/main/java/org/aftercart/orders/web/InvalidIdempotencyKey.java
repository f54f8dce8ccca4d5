package org.aftercart.orders.web;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

class InvalidIdempotencyKey extends Problem {

    InvalidIdempotencyKey() {
        super(
                HttpStatus.BAD_REQUEST,
                "invalid-idempotency-key",
                "Invalid Idempotency-Key",
                "Idempotency-Key must be 1 to 255 characters");
    }
}
