package org.aftercart.fulfillment;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refusal of the fulfillment module, rendered as an RFC 9457 problem. */
public class FulfillmentProblem extends ErrorResponseException {

    private FulfillmentProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
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

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://aftercart.org/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
