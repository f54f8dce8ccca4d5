package org.aftercart.shared;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every business refusal: it renders as an RFC 9457 {@code application/problem+json}
 * body with a stable type URI, a title and a detail that says what to fix.
 */
public abstract class Problem extends ErrorResponseException {

    protected Problem(HttpStatus status, String type, String title, String detail) {
        super(status, body(status, type, title, detail), null);
    }

    private static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
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
