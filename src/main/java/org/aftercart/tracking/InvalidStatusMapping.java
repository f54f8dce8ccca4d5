package org.aftercart.tracking;

import java.util.List;
import java.util.stream.Collectors;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

/** A merchant's mapping of a carrier code that cannot be set, with each wrong field: nothing was saved. */
public class InvalidStatusMapping extends Problem {

    /** The fields a mapping has. */
    public enum Field {
        VOCABULARY,
        CODE,
        DETAIL,
        STATUS
    }

    /** One wrong field and what is expected of it, in English. */
    public record FieldProblem(Field field, String expected) {}

    private final List<FieldProblem> problems;

    public InvalidStatusMapping(List<FieldProblem> problems) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-status-mapping",
                "Invalid status mapping",
                problems.stream()
                        .map(problem ->
                                problem.field().name().toLowerCase(java.util.Locale.ROOT) + " " + problem.expected())
                        .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
