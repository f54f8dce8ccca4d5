package org.aftercart.offers;

import java.util.Map;
import java.util.stream.Collectors;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/**
 * An offer that cannot be saved as it is; {@link #problems()} names each field and what is wrong.
 * When it would overlap another enabled offer of its slot, {@link #overlapping()} is that offer's
 * headline.
 */
public class InvalidOffer extends Problem {

    private final Map<String, String> problems;
    private final String overlapping;

    public InvalidOffer(Map<String, String> problems) {
        this(problems, "");
    }

    InvalidOffer(Map<String, String> problems, String overlapping) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-offer",
                "Invalid offer",
                problems.entrySet().stream()
                                .map(problem -> problem.getKey() + ": " + problem.getValue())
                                .collect(Collectors.joining(", "))
                        + (overlapping.isEmpty()
                                ? ""
                                : " (another enabled offer of the slot is shown at the same time: '" + overlapping
                                        + "')"));
        this.problems = Map.copyOf(problems);
        this.overlapping = overlapping;
    }

    /**
     * By field ({@code headline}, {@code targetUrl}, …): {@code length}, {@code format}, {@code missing},
     * {@code unknown}, {@code before-start}, {@code overlaps}.
     */
    public Map<String, String> problems() {
        return problems;
    }

    /** The headline of the enabled offer this one would overlap; empty when it overlaps none. */
    public String overlapping() {
        return overlapping;
    }
}
