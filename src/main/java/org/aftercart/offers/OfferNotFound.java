package org.aftercart.offers;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class OfferNotFound extends Problem {

    public OfferNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "offer-not-found", "Offer not found", "No offer " + id);
    }
}
