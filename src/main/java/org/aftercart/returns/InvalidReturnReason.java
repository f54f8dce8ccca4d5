package org.aftercart.returns;

import java.util.List;
import java.util.stream.Collectors;

/** A return reason that cannot be added or changed as asked: each problem named with its field. */
public class InvalidReturnReason extends IllegalArgumentException {

    /**
     * One problem.
     *
     * @param field {@code code}, {@code parentCode} or {@code label-<language>}
     * @param problem a stable word for it: {@code format}, {@code taken}, {@code unknown},
     *     {@code too-deep}, {@code required}, {@code too-long}
     */
    public record Problem(String field, String problem, String message) {}

    private final List<Problem> problems;

    InvalidReturnReason(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
