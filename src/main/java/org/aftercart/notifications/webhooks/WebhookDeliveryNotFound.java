package org.aftercart.notifications.webhooks;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

class WebhookDeliveryNotFound extends Problem {

    WebhookDeliveryNotFound(UUID endpoint, UUID delivery) {
        super(
                HttpStatus.NOT_FOUND,
                "webhook-delivery-not-found",
                "Webhook delivery not found",
                "No delivery " + delivery + " to webhook endpoint " + endpoint);
    }
}
