package org.aftercart.orders.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class InvalidIdempotencyKey extends ErrorResponseException {

    InvalidIdempotencyKey() {
        super(
                HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 255 characters"),
                null);
    }
}
