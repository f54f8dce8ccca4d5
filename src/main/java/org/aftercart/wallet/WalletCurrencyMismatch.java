package org.aftercart.wallet;

import java.util.Currency;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** An amount in one currency was asked of a balance or hold kept in another. */
public class WalletCurrencyMismatch extends Problem {

    public WalletCurrencyMismatch(Currency requested, String heldIn) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "wallet-currency-mismatch",
                "Currency mismatch",
                "The amount is in " + requested.getCurrencyCode() + " but this balance is in " + heldIn + ".");
    }
}
