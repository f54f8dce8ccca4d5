package org.aftercart.wallet;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class HoldNotFound extends Problem {

    public HoldNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "wallet-hold-not-found", "Hold not found", "No wallet hold has the id " + id + ".");
    }
}
