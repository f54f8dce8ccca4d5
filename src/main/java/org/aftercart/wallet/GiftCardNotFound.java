package org.aftercart.wallet;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** No gift card has the code given (the answer never says how close the code was). */
public class GiftCardNotFound extends Problem {

    public GiftCardNotFound() {
        super(
                HttpStatus.NOT_FOUND,
                "gift-card-not-found",
                "Gift card not found",
                "No gift card has this code. Check the code on the card.");
    }
}
