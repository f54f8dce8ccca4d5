package org.aftercart.privacy;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** An erasure asked without saying who asks, or with a reason too long to be a reason. */
public class InvalidErasureRequest extends Problem {

    public InvalidErasureRequest(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-erasure-request", "Erasure cannot be done", detail);
    }
}
