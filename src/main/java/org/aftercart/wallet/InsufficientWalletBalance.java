package org.aftercart.wallet;

import org.aftercart.shared.Money;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** The source holds less than the amount asked for; the problem says how much is available. */
public class InsufficientWalletBalance extends Problem {

    public InsufficientWalletBalance(Money requested, Money available) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "insufficient-wallet-balance",
                "Insufficient balance",
                "Asked for " + requested + " but only " + available + " is available.");
        getBody().setProperty("available", available.amount().toPlainString());
        getBody().setProperty("currency", available.currency().getCurrencyCode());
    }
}
