package org.aftercart.conversations;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** The contact names no customer and no order this shop knows. */
public class ContactNotResolved extends Problem {

    public ContactNotResolved(String detail) {
        super(HttpStatus.NOT_FOUND, "contact-not-resolved", "Customer not found", detail);
    }
}
