package org.aftercart.conversations;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** An Idempotency-Key sent again with another request (ADR 4). */
public class ConversationKeyReused extends Problem {

    public ConversationKeyReused(String key) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency-Key reused",
                "The Idempotency-Key '" + key + "' was already used for another request; use a new key.");
    }
}
