package org.aftercart.customers;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** Profile details that cannot be saved: an impossible birthday, an unknown category. */
public class InvalidProfileDetails extends Problem {

    public InvalidProfileDetails(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-profile-details", "Profile details cannot be saved", detail);
    }
}
