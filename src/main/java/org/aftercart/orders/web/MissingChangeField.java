package org.aftercart.orders.web;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

class MissingChangeField extends Problem {

    MissingChangeField(OrderRequests.ChangeType type, String field) {
        super(
                HttpStatus.BAD_REQUEST,
                "invalid-change",
                "Incomplete change",
                "A " + type + " change needs '" + field + "'");
    }
}
