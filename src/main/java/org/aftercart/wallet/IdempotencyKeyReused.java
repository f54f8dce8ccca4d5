package org.aftercart.wallet;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** The idempotency key already names another operation: a new operation needs a new key. */
public class IdempotencyKeyReused extends Problem {

    public IdempotencyKeyReused() {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency key reused",
                "This idempotency key was already used for a different request; use a new key for a new request.");
    }
}
