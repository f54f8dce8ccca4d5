package org.aftercart.privacy;

import java.util.List;
import org.aftercart.customers.CustomerId;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/**
 * The customer has something under way that needs their data to finish (a return awaiting its
 * refund, a store-credit hold, an order not shipped yet): nothing was erased.
 */
public class ErasureRefused extends Problem {

    private final List<String> blockers;

    public ErasureRefused(CustomerId id, List<String> blockers) {
        super(
                HttpStatus.CONFLICT,
                "erasure-refused",
                "The customer's data cannot be erased yet",
                "Customer " + id + " has something under way that must finish first: " + String.join(" ", blockers));
        this.blockers = List.copyOf(blockers);
        getBody().setProperty("blockers", this.blockers);
    }

    /** What must finish first, one sentence each. */
    public List<String> blockers() {
        return blockers;
    }
}
