package org.aftercart.fulfillment;

import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** A refusal of the fulfillment module, rendered as an RFC 9457 problem. */
public class FulfillmentProblem extends Problem {

    private FulfillmentProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static FulfillmentProblem notFound(Object id) {
        return new FulfillmentProblem(
                HttpStatus.NOT_FOUND,
                "fulfillment-order-not-found",
                "Fulfilment order not found",
                "No fulfilment order " + id);
    }

    static FulfillmentProblem stepRefused(String detail) {
        return new FulfillmentProblem(HttpStatus.CONFLICT, "fulfillment-step-refused", "Step not allowed now", detail);
    }

    static FulfillmentProblem invalidShipment(String detail) {
        return new FulfillmentProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "invalid-shipment", "The shipment cannot be recorded", detail);
    }
}
