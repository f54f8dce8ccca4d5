package org.aftercart.customers.web;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

class InvalidContactPreferences extends Problem {

    InvalidContactPreferences(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-contact-preferences", "Contact preferences cannot be saved", detail);
    }
}
