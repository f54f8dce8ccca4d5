package org.aftercart.notifications;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class MessageNotResendable extends Problem {

    public MessageNotResendable(UUID id) {
        super(
                HttpStatus.CONFLICT,
                "message-not-resendable",
                "Message cannot be resent",
                "Message " + id + " was not sent to a customer (or does not exist); only a sent transactional"
                        + " message other than a sign-in link can be sent again as a new copy.");
    }
}
