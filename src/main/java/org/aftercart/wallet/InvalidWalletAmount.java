package org.aftercart.wallet;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** An amount that is not positive, or finer than its currency's minor unit. */
public class InvalidWalletAmount extends Problem {

    public InvalidWalletAmount(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-wallet-amount", "Invalid amount", detail);
    }
}
