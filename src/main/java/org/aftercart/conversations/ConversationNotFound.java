package org.aftercart.conversations;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class ConversationNotFound extends Problem {

    public ConversationNotFound(UUID id) {
        super(
                HttpStatus.NOT_FOUND,
                "conversation-not-found",
                "Conversation not found",
                "No conversation has the id " + id + ".");
    }
}
