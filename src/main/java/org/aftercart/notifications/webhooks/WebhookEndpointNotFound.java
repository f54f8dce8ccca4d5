package org.aftercart.notifications.webhooks;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

class WebhookEndpointNotFound extends Problem {

    WebhookEndpointNotFound(UUID id) {
        super(
                HttpStatus.NOT_FOUND,
                "webhook-endpoint-not-found",
                "Webhook endpoint not found",
                "No webhook endpoint " + id);
    }
}
