package org.aftercart.returns;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class ReturnNotFound extends Problem {

    public ReturnNotFound(String reference) {
        super(HttpStatus.NOT_FOUND, "return-not-found", "Return not found", "No return has the id " + reference + ".");
    }
}
