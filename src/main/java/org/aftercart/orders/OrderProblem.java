package org.aftercart.orders;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** Base of the orders module's refusals; each renders as an RFC 9457 problem. */
abstract class OrderProblem extends Problem {

    OrderProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }
}
