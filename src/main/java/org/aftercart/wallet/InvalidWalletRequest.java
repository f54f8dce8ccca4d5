package org.aftercart.wallet;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** A wallet call without what it needs (an idempotency key, a reason). */
public class InvalidWalletRequest extends Problem {

    public InvalidWalletRequest(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-wallet-request", "Invalid wallet request", detail);
    }
}
