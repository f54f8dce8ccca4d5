package org.aftercart.notifications;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class MessageNotRetryable extends Problem {

    public MessageNotRetryable(UUID id) {
        super(
                HttpStatus.CONFLICT,
                "message-not-retryable",
                "Message cannot be retried",
                "Message " + id + " is not failed or undeliverable (or does not exist); only those can be sent again.");
    }
}
