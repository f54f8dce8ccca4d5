package org.aftercart.notifications;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** An edited template that cannot render a message: it is not saved. */
public class InvalidTemplate extends Problem {

    public InvalidTemplate(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-template", "The template cannot be used", detail);
    }
}
