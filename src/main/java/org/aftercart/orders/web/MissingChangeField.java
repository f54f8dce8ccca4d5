package org.aftercart.orders.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class MissingChangeField extends ErrorResponseException {

    MissingChangeField(OrderRequests.ChangeType type, String field) {
        super(
                HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A " + type + " change needs '" + field + "'"),
                null);
    }
}
