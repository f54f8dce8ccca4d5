package org.aftercart.wallet;

import java.util.Locale;
import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** The hold can no longer be captured or voided: it expired, or it was already captured or voided. */
public class HoldNotOpen extends Problem {

    private HoldNotOpen(String type, String title, String detail) {
        super(HttpStatus.CONFLICT, type, title, detail);
    }

    static HoldNotOpen expired(UUID id) {
        return new HoldNotOpen(
                "wallet-hold-expired",
                "Hold expired",
                "The hold " + id + " expired and its amount went back to the source; authorise again.");
    }

    static HoldNotOpen settled(UUID id, WalletHold.Status status) {
        return new HoldNotOpen(
                "wallet-hold-settled",
                "Hold already settled",
                "The hold " + id + " is already " + status.name().toLowerCase(Locale.ROOT) + ".");
    }
}
