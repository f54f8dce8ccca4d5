package org.aftercart.notifications.web;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

class MessageNotFound extends Problem {

    MessageNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "message-not-found", "Message not found", "No message has the id " + id + ".");
    }
}
