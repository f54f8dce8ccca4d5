package org.aftercart.notifications.webhooks;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

class InvalidWebhookEndpoint extends Problem {

    InvalidWebhookEndpoint(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-webhook-endpoint", "Invalid webhook endpoint", detail);
    }
}
