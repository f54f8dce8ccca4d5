package org.aftercart.notifications.web;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

class MissingMessageFilter extends Problem {

    MissingMessageFilter() {
        super(
                HttpStatus.BAD_REQUEST,
                "missing-message-filter",
                "Say whose messages",
                "Give orderId or customerId: the messages of every customer at once are not listed.");
    }
}
