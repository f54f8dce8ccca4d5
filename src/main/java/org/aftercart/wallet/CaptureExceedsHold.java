package org.aftercart.wallet;

import org.aftercart.shared.Money;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** A capture may take at most what its hold set aside. */
public class CaptureExceedsHold extends Problem {

    public CaptureExceedsHold(Money requested, Money held) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "capture-exceeds-hold",
                "Capture exceeds the hold",
                "Cannot capture " + requested + ": the hold is for " + held + ".");
        getBody().setProperty("held", held.amount().toPlainString());
    }
}
