package org.aftercart.returns;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class ReturnReasonNotFound extends Problem {

    public ReturnReasonNotFound(String code) {
        super(
                HttpStatus.NOT_FOUND,
                "return-reason-not-found",
                "Return reason not found",
                "No return reason has the code " + code + ".");
    }
}
