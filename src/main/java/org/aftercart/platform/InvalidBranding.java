package org.aftercart.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A brand that cannot be applied, with every field that is wrong, named as in the configuration
 * ({@code primary-colour}, {@code greeting.fr}): a settings form shows each next to its field, a
 * start-up with bad configuration fails with all of them at once.
 */
public class InvalidBranding extends IllegalArgumentException {

    /** One wrong field and what is expected of it, in English. */
    public record Problem(String field, String expected) {}

    private final List<Problem> problems;

    public InvalidBranding(List<Problem> problems) {
        super(problems.stream()
                .map(problem -> "aftercart.branding." + problem.field() + " " + problem.expected())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean concerns(String field) {
        return problems.stream().anyMatch(problem -> problem.field().equals(field));
    }
}
