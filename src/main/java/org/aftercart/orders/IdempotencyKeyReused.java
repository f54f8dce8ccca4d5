package org.aftercart.orders;

import org.springframework.http.HttpStatus;

/** The same Idempotency-Key came back with a different request. */
public class IdempotencyKeyReused extends OrderProblem {

    public IdempotencyKeyReused(String key) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency key already used",
                "Idempotency-Key '" + key + "' was already used for a different request");
    }
}
