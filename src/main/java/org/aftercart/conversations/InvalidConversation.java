package org.aftercart.conversations;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** A contact, entry or note that cannot be recorded as given. */
public class InvalidConversation extends Problem {

    public InvalidConversation(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-conversation", "Invalid conversation", detail);
    }
}
