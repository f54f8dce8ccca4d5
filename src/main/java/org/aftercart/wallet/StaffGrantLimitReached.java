package org.aftercart.wallet;

import org.aftercart.shared.Money;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** A grant that would take what one member of staff granted today above their daily limit. */
public class StaffGrantLimitReached extends Problem {

    private final Money limit;
    private final Money remaining;

    public StaffGrantLimitReached(Money requested, Money limit, Money remaining) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "staff-grant-limit-reached",
                "Daily grant limit reached",
                "Granting " + requested + " would pass the daily limit of " + limit + "; " + remaining
                        + " is left today.");
        this.limit = limit;
        this.remaining = remaining;
        getBody().setProperty("limit", limit.amount().toPlainString());
        getBody().setProperty("remaining", remaining.amount().toPlainString());
        getBody().setProperty("currency", limit.currency().getCurrencyCode());
    }

    public Money limit() {
        return limit;
    }

    public Money remaining() {
        return remaining;
    }
}
