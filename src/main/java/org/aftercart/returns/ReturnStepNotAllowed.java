package org.aftercart.returns;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** A step the return's current status does not allow (e.g. resolving a return twice). */
public class ReturnStepNotAllowed extends Problem {

    private final ReturnStatus current;

    public ReturnStepNotAllowed(String number, ReturnStatus current, String step) {
        super(
                HttpStatus.CONFLICT,
                "return-step-not-allowed",
                "Step not allowed in the return's status",
                "Return " + number + " is " + current + ": it cannot be " + step + ".");
        this.current = current;
        getBody().setProperty("status", current.name());
    }

    public ReturnStatus current() {
        return current;
    }
}
